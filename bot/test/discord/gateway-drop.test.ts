import { expect } from 'vitest';
import { replyOf, test } from './bot-fixture.js';

// discord.js reconnects by itself; this is slow (about 6 s) because it waits out Discord's
// identify rate limit (one per 5 s) before identifying again, as it must against Discord.
test('GIVEN the gateway connection drops THEN the bot says so, reconnects and answers again', async ({
  discord: { double, logs },
}) => {
  double.dropGatewayConnections();
  await expect
    .poll(
      async () => {
        const sent = double.sendInteraction({ command: 'help' }, { timeoutMs: 500 });
        return sent.then(
          (result) => replyOf(result.callback).type,
          (error: Error) => error.name,
        );
      },
      { timeout: 15_000, interval: 200 },
    )
    .toBe(4);

  const gateway = logs.filter((r) => String(r.msg).startsWith('Discord gateway'));
  expect(gateway.at(0)).toMatchObject({
    level: 40,
    msg: 'Discord gateway connection lost; reconnecting',
  });
  expect(gateway.at(-1)).toMatchObject({
    level: 30,
    msg: 'Discord gateway reconnected',
    downMs: expect.any(Number),
  });
  expect(logs.filter((r) => Number(r.level) >= 50)).toEqual([]);
});
