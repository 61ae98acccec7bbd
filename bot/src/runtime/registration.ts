import { type REST, Routes } from 'discord.js';
import { commandDefinitions } from '../commands/registry.js';

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
