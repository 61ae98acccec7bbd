import { REST } from 'discord.js';
import { loadConfigOrExit } from './config.js';
import { describeError } from './discord/discord-error.js';
import { registerCommands } from './runtime/registration.js';
import { logger } from './telemetry/logger.js';

// `npm run register`: DISCORD_GUILD_ID set registers to that guild, else globally.
const config = loadConfigOrExit();
logger.level = config.logLevel;
if (config.mode !== 'discord') {
  process.stderr.write(
    'roboshpee: DISCORD_TOKEN must be set to register commands (demo mode registers nothing)\n',
  );
  process.exit(1);
}
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
