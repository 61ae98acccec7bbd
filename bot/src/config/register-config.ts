import { type DiscordConfig, loadBotConfig } from './bot-config.js';
import { ConfigError } from './config-error.js';
import type { Environment } from './section.js';

/** `npm run register`'s settings: the bot's, in Discord mode only (the demo registers nothing). */
export function loadRegisterConfig(env: Environment): DiscordConfig {
  const config = loadBotConfig(env);
  if (config.mode !== 'discord') {
    throw new ConfigError([
      'DISCORD_TOKEN or DISCORD_TOKEN_FILE must be set to register commands (demo mode registers nothing)',
    ]);
  }
  return config;
}
