import {
  type APIApplicationCommandOption,
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { CommandHelp } from '../core/help.js';
import { age } from './age.js';
import type { Command } from './command.js';
import { help } from './help.js';
import { role } from './role/index.js';

/** Every slash command the bot registers and answers. */
export const commands: ReadonlyMap<string, Command> = new Map(
  [role, age, help].map((command) => [command.definition.toJSON().name, command]),
);

export function commandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return [...commands.values()].map((command) => command.definition.toJSON());
}

/** `/help`'s lines, read from the definitions Discord gets so the two cannot disagree. */
export function commandHelp(
  definitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[],
): CommandHelp[] {
  return definitions.flatMap((definition) => {
    const subcommands = (definition.options ?? []).filter(
      (option) => option.type === ApplicationCommandOptionType.Subcommand,
    );
    if (subcommands.length === 0) {
      return [
        {
          usage: usage([definition.name], definition.options),
          description: definition.description,
        },
      ];
    }
    return subcommands.map((sub) => ({
      usage: usage([definition.name, sub.name], sub.options),
      description: sub.description,
    }));
  });
}

function usage(
  words: readonly string[],
  options: readonly APIApplicationCommandOption[] = [],
): string {
  const args = options.map((option) => (option.required ? `<${option.name}>` : `[${option.name}]`));
  return `/${[...words, ...args].join(' ')}`;
}
