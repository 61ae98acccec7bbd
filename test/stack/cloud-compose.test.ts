import { describe, expect, test } from 'vitest';
import { loadCompose } from '../../harness/compose/compose.js';
import { loadComposeOverride, tagAt } from '../../harness/compose/compose-override.js';
import { CLOUD_COMPOSE } from '../../harness/repo/deploy-files.js';
import { isRecord } from '../../harness/repo/parsed-document.js';
import { readRepoFile } from '../../harness/repo/repo.js';
import { ALLOY_CONFIG } from '../../harness/repo/stack-files.js';
import { composeSchemaErrors } from './compose-schema.js';

const override = loadComposeOverride(CLOUD_COMPOSE);
const base = loadCompose();

/** Alloy's endpoint variables that fall back to a service of compose.yaml when empty. */
const localFallbacks = [
  ...readRepoFile(ALLOY_CONFIG).matchAll(
    /coalesce\(sys\.env\("([A-Z_]+)"\), "(?:http:\/\/)?(tempo|loki|mimir|pyroscope)[:/]/g,
  ),
].map((match) => match[1]);

describe(CLOUD_COMPOSE, () => {
  test('validates against the Compose specification schema', () => {
    expect(composeSchemaErrors(override.raw)).toEqual([]);
  });

  test('leaves only the bot and Alloy outside a profile', () => {
    const services = isRecord(override.raw.services) ? override.raw.services : {};
    const profiled = new Set(
      Object.entries(services)
        .filter(([, spec]) => isRecord(spec) && Array.isArray(spec.profiles))
        .map(([name]) => name),
    );
    const started = base.services
      .map((service) => service.name)
      .filter((name) => !profiled.has(name));
    expect(started.sort()).toEqual(['alloy', 'bot']);
  });

  test("resets Alloy's wait for the backends that do not start", () => {
    expect(tagAt(override, 'services', 'alloy', 'depends_on')).toBe('!reset');
  });

  test('requires in .env every endpoint that would otherwise point at a local backend', () => {
    expect(localFallbacks.length).toBeGreaterThan(0);
    const text = readRepoFile(CLOUD_COMPOSE);
    const missing = localFallbacks.filter(
      (variable) =>
        !new RegExp(`${variable}: \\$\\{${variable}:\\?set ${variable} in \\.env`).test(text),
    );
    expect(missing).toEqual([]);
  });
});
