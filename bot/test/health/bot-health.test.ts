import { once } from 'node:events';
import { createServer } from 'node:net';
import { expect, test } from 'vitest';
import { DemoBot } from '../../../harness/bot/demo-bot.js';

test('the built bot serves /readyz 200 once its gateway is connected, and /livez', async () => {
  const bot = await DemoBot.start({ OTEL_SDK_DISABLED: 'true' });
  try {
    expect(bot.healthUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const ready = await fetch(`${bot.healthUrl}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([200, { gateway: 'connected' }]);
    expect((await fetch(`${bot.healthUrl}/livez`)).status).toBe(200);
  } finally {
    expect(await bot.stop()).toBe(0);
  }
});

test('a health port already taken stops the start with a line naming the variable', async () => {
  const taken = createServer().listen(0, '127.0.0.1');
  await once(taken, 'listening');
  const port = (taken.address() as { port: number }).port;
  try {
    await expect(
      DemoBot.start({ OTEL_SDK_DISABLED: 'true', ROBOSHPEE_HEALTH_PORT: String(port) }),
    ).rejects.toThrow(/EADDRINUSE.*ROBOSHPEE_HEALTH_PORT/);
  } finally {
    taken.close();
  }
});
