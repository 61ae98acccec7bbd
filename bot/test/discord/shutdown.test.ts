import { SpanStatusCode } from '@opentelemetry/api';
import { NO_FAILURES } from '@roboshpee/discord-double';
import { afterAll, beforeAll, expect } from 'vitest';
import {
  type InMemoryTelemetry,
  startInMemoryTelemetry,
} from '../../../harness/bot/in-memory-telemetry.js';
import { isInteractionLine } from '../../../harness/bot/interaction-line.js';
import { ATTR } from '../../src/contract/attributes.js';
import { memberWhere, replyOf, roleId, test } from './bot-fixture.js';

let otel: InMemoryTelemetry;
beforeAll(() => {
  otel = startInMemoryTelemetry();
});
afterAll(async () => {
  await otel.stop();
});

test('GIVEN an interaction in flight WHEN the bot stops THEN it is answered first, one arriving meanwhile is told the bot is restarting, and the bot then leaves', async ({
  discord: { double, bot, logs },
}) => {
  double.setFailures({ ...NO_FAILURES, slowRate: 1, slowDelayMs: [1500, 1500] });
  const valheim = roleId(double, 'Valheim');
  const userId = memberWhere(double, (roles) => !roles.includes(valheim));
  const answer = double.sendInteraction({
    command: 'role',
    subcommand: 'add',
    options: { name: 'Valheim' },
    userId,
  });
  await expect.poll(() => double.calls.some((call) => call.method === 'PUT')).toBe(true);
  expect(bot.inFlight()).toBe(1);

  const order: string[] = [];
  const stopping = bot.stop().then(() => order.push('stopped'));
  // Still connected while it drains: a new command is not run but answered at once, so the
  // member reads why instead of Discord's "The application did not respond".
  const turnedAway = await double.sendInteraction({ command: 'help' }, { timeoutMs: 1000 });
  expect(turnedAway.callback).toEqual({
    type: 4,
    data: {
      content: 'RoboShpee is restarting, try again in a moment.',
      flags: 64,
      allowed_mentions: { parse: [] },
      tts: false,
      enforce_nonce: false,
    },
  });
  // Autocomplete offers nothing rather than choices for a command that will not run.
  const choices = await double.sendInteraction(
    { command: 'role', subcommand: 'add', options: { name: 'Val' }, autocomplete: true },
    { timeoutMs: 1000 },
  );
  expect(choices.callback).toEqual({ type: 8, data: { choices: [] } });
  expect(bot.inFlight()).toBe(1);
  await Promise.all([
    answer.then((result) => {
      order.push('answered');
      expect(replyOf(result.callback).content).toBe('Added "Valheim"');
    }),
    stopping,
  ]);

  expect(order).toEqual(['answered', 'stopped']);
  expect(bot.inFlight()).toBe(0);
  expect(double.calls.filter((call) => call.path.endsWith('/callback'))).toHaveLength(3);
  await expect(double.sendInteraction({ command: 'help' })).rejects.toThrow(/no bot is connected/);

  // Counted and traced as a command the bot failed to serve: not the member's doing.
  expect(
    logs
      .filter((record) => isInteractionLine(record) && record.type === 'command')
      .map((r) => [r.command, r.outcome]),
  ).toEqual([
    ['/help', 'error'],
    ['/role add', 'ok'],
  ]);
  await otel.flush();
  const help = otel.spans.getFinishedSpans().filter((span) => span.name === '/help');
  expect(help.map((span) => [span.attributes[ATTR.outcome], span.status.code])).toEqual([
    ['error', SpanStatusCode.ERROR],
  ]);
});
