import { REST } from 'discord.js';
import { loadOrExit } from './config/exit-on-config-error.js';
import { loadRegisterConfig } from './config/register-config.js';
import { describeError } from './discord/discord-error.js';
import { registerCommands } from './runtime/registration.js';
import { logger } from './telemetry/logger.js';

// `npm run register`: DISCORD_GUILD_ID set registers to that guild, else globally.
const config = loadOrExit(() => loadRegisterConfig(process.env));
logger.level = config.logLevel;
const rest = new REST({ api: config.apiUrl }).setToken(config.token.reveal());
try {
  const registration = await registerCommands(rest, config);
  logger.info(
    registration,
    `registered ${registration.commands.length} ${registration.scope} commands`,
  );
} catch (error) {
  logger.error({ error: describeError(error) }, 'command registration failed');
  process.exitCode = 1;
}
