import { expect } from 'vitest';
import { NO_FAILURES } from '../../src/demo/index.js';
import { memberWhere, replyOf, roleId, test } from './bot-fixture.js';

test('GIVEN an interaction in flight WHEN the bot stops THEN it is answered first, one arriving meanwhile is not taken, and the bot then leaves', async ({
  discord: { double, bot },
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
  // Still connected while it drains, but no longer taking interactions.
  await expect(double.sendInteraction({ command: 'help' }, { timeoutMs: 300 })).rejects.toThrow(
    /no interaction callback/,
  );
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
  expect(double.calls.filter((call) => call.path.endsWith('/callback'))).toHaveLength(1);
  await expect(double.sendInteraction({ command: 'help' })).rejects.toThrow(/no bot is connected/);
});
