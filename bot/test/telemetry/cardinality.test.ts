import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  type InMemoryTelemetry,
  metricNamed,
  startInMemoryTelemetry,
} from '../../../harness/bot/in-memory-telemetry.js';
import { ATTR, OTHER_ROLE } from '../../src/contract/attributes.js';
import { METRICS } from '../../src/contract/bot-metrics.js';
import { observeCommand, recordRoleChange } from '../../src/telemetry/observe.js';

const quiet = pino({ level: 'silent' });
const MANAGEABLE = ['Valheim', 'Factorio', 'Rocket League'] as const;
const TYPED_NAMES = 10_000;

let otel: InMemoryTelemetry;
beforeAll(() => {
  otel = startInMemoryTelemetry();
});
afterAll(() => otel.stop());

test(`GIVEN ${TYPED_NAMES} random typed role names THEN the role series stay the manageable roles plus "other"`, async () => {
  const typed = Array.from({ length: TYPED_NAMES }, () => randomBytes(12).toString('base64url'));
  for (const [index, name] of typed.entries()) {
    const action = (['add', 'remove', 'create'] as const)[index % 3] ?? 'add';
    recordRoleChange(action, name, MANAGEABLE);
    await observeCommand(
      { command: '/role add', guildId: '1', userId: String(index) },
      quiet,
      async (scope) => {
        scope.setRole(name, MANAGEABLE);
        scope.setOutcome('rejected');
      },
    );
  }
  for (const name of MANAGEABLE) recordRoleChange('add', name, MANAGEABLE);

  const all = await otel.collect();
  const changes = metricNamed(all, METRICS.roleChanges.name);
  const roles = new Set(changes.dataPoints.map((point) => point.attributes[ATTR.role]));
  expect([...roles].sort()).toEqual([...MANAGEABLE, OTHER_ROLE].sort());
  // 3 actions x "other" plus one `add` per manageable role.
  expect(changes.dataPoints).toHaveLength(3 + MANAGEABLE.length);
  const other = changes.dataPoints
    .filter((point) => point.attributes[ATTR.role] === OTHER_ROLE)
    .reduce((sum, point) => sum + (point.value as number), 0);
  expect(other).toBe(TYPED_NAMES);

  const commands = metricNamed(all, METRICS.commands.name);
  expect(commands.dataPoints).toHaveLength(1);
  // No metric anywhere carries a typed name or a user id as a label value.
  const labelValues = new Set(
    all.flatMap((metric) =>
      metric.dataPoints.flatMap((point) => Object.values(point.attributes).map(String)),
    ),
  );
  expect(typed.filter((name) => labelValues.has(name))).toEqual([]);
});
