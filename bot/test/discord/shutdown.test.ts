import { expect } from 'vitest';
import { NO_FAILURES } from '../../src/demo/index.js';
import { memberWhere, replyOf, roleId, test } from './bot-fixture.js';

test('GIVEN an interaction in flight WHEN the bot stops THEN it is answered first, and later ones are not taken', async ({
  discord: { double, bot },
}) => {
  double.setFailures({ ...NO_FAILURES, slowRate: 1, slowDelayMs: [800, 800] });
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

  const stopping = bot.stop();
  const order: string[] = [];
  await Promise.all([
    answer.then((result) => {
      order.push('answered');
      expect(replyOf(result.callback).content).toBe('Added "Valheim"');
    }),
    stopping.then(() => order.push('stopped')),
  ]);

  expect(order).toEqual(['answered', 'stopped']);
  expect(bot.inFlight()).toBe(0);
  await expect(double.sendInteraction({ command: 'help' }, { timeoutMs: 1000 })).rejects.toThrow();
});
