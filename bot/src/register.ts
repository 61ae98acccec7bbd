import { REST, Routes } from 'discord.js';
import { commandDefinitions } from './commands/registry.js';
import { loadConfigOrExit } from './config.js';
import { describeError } from './discord/discord-error.js';
import { logger } from './logger.js';

export interface RegistrationTarget {
  /** Looked up from the token (`GET /applications/@me`) when not given. */
  readonly applicationId?: string;
  /** Guild commands appear at once (development); global ones can take up to an hour. */
  readonly guildId?: string;
}

export interface Registration {
  readonly scope: 'guild' | 'global';
  readonly route: string;
  readonly commands: readonly string[];
}

/** Replaces the application's slash commands with this version's definitions. */
export async function registerCommands(
  rest: REST,
  target: RegistrationTarget,
): Promise<Registration> {
  const applicationId =
    target.applicationId ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
  const route = target.guildId
    ? Routes.applicationGuildCommands(applicationId, target.guildId)
    : Routes.applicationCommands(applicationId);
  const definitions = commandDefinitions();
  await rest.put(route, { body: definitions });
  return {
    scope: target.guildId ? 'guild' : 'global',
    route,
    commands: definitions.map((definition) => definition.name),
  };
}

if (import.meta.main) {
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
}
