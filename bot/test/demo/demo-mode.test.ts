import { startDiscordDouble } from '@roboshpee/discord-double';
import { pino } from 'pino';
import { expect, test } from 'vitest';
import { GAME_ROLE_COLOR } from '../../src/demo/fixture/guild-fixture.js';
import { demoGuild, startDemoTraffic } from '../../src/demo/index.js';
import { startBot } from '../../src/runtime/bot.js';
import { createDiscordClient } from '../../src/runtime/client.js';

// Demo mode as main.ts wires it: the real bot, the double with its realistic failures, traffic.
test('demo traffic drives the real bot through the double, every interaction answered, caches true', async () => {
  const warnings: unknown[] = [];
  const double = await startDiscordDouble({
    ...demoGuild(),
    recordCalls: true,
    seed: 3,
    logger: { info: () => {}, warn: (fields, message) => warnings.push([message, fields]) },
  });
  const client = createDiscordClient(double.apiUrl);
  const bot = await startBot(
    { client, roleColor: GAME_ROLE_COLOR, logger: pino({ level: 'silent' }) },
    double.token,
  );
  try {
    const traffic = startDemoTraffic(double, { ratePerSecond: 25, seed: 9 });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await traffic.stop();
    const stats = traffic.stats();

    expect(stats.sent).toBeGreaterThanOrEqual(35);
    expect(stats.answered).toBe(stats.sent);
    const callbacks = double.calls.filter((c) => c.path.endsWith('/callback'));
    expect(callbacks).toHaveLength(stats.sent);
    const roleChanges = double.calls.filter((c) => c.path.includes('/roles/') && c.status === 204);
    expect(roleChanges.length).toBeGreaterThan(0);
    // Nothing the bot called is missing from the double.
    expect(warnings).toEqual([]);
    expect(double.calls.filter((c) => c.status === 404 || c.status === 405)).toEqual([]);

    // The client's cache agrees with the double's state once the gateway has caught up.
    const guild = client.guilds.cache.get(double.guildId);
    await expect
      .poll(
        () =>
          guild?.members.cache.map((m) => [
            m.id,
            [...m.roles.cache.keys()].filter((id) => id !== double.guildId).sort(),
          ]),
        {
          timeout: 3000,
        },
      )
      .toEqual(double.guild.members().map((m) => [m.user.id, [...m.roles].sort()]));
  } finally {
    await bot.stop();
    await double.close();
  }
});
