import { fileURLToPath } from 'node:url';
import { startDiscordDouble } from '@roboshpee/discord-double';
import { expect, test } from 'vitest';
import { DemoBot } from '../../../harness/bot/demo-bot.js';

const REPORT_LOAD = {
  NODE_OPTIONS: `--import ${fileURLToPath(new URL('report-double-load.mjs', import.meta.url))}`,
  OTEL_SDK_DISABLED: 'true',
};

const loadsOfDouble = (bot: DemoBot): string[] =>
  bot.stderr.filter((line) => line.startsWith('discord-double loaded:'));

test('GIVEN Discord mode THEN the built bot never loads the Discord double', async () => {
  // A double outside the bot stands in for Discord: the bot logs in to it as to the real one.
  const discord = await startDiscordDouble();
  try {
    const bot = await DemoBot.start(REPORT_LOAD, {
      double: { baseUrl: discord.baseUrl, token: discord.token },
    });
    expect(await bot.stop()).toBe(0);
    expect(loadsOfDouble(bot)).toEqual([]);
  } finally {
    await discord.close();
  }
});

test('GIVEN demo mode THEN the built bot loads the Discord double (the check above can see it)', async () => {
  const bot = await DemoBot.start(REPORT_LOAD);
  expect(await bot.stop()).toBe(0);
  // Once per module that imports it (main.ts, the demo's fixture and traffic).
  expect(loadsOfDouble(bot).length).toBeGreaterThan(0);
  for (const line of loadsOfDouble(bot)) expect(line).toMatch(/\/discord-double\/dist\/index\.js$/);
});
