import { ApplicationCommandOptionType } from 'discord-api-types/v10';

/**
 * What Discord knows of the bot's slash commands from their registration, and the double
 * needs to build interactions as Discord would. Keys are command paths: `age`, `role add`.
 * Options not listed are typed from their JSON value (string, integer, number, boolean).
 */
export interface CommandCatalog {
  /** Options of type User, whose value is a member's id (Discord resolves the member). */
  readonly userOptions?: Readonly<Record<string, readonly string[]>>;
  /** The option an autocomplete interaction is about when the request names none. */
  readonly autocompleteOptions?: Readonly<Record<string, string>>;
}

export function commandPath(command: string, subcommand: string | undefined): string {
  return subcommand === undefined ? command : `${command} ${subcommand}`;
}

export function optionType(
  catalog: CommandCatalog,
  path: string,
  option: string,
  value: string | number | boolean,
): ApplicationCommandOptionType {
  if (catalog.userOptions?.[path]?.includes(option)) return ApplicationCommandOptionType.User;
  if (typeof value === 'boolean') return ApplicationCommandOptionType.Boolean;
  if (typeof value === 'number') {
    return Number.isInteger(value)
      ? ApplicationCommandOptionType.Integer
      : ApplicationCommandOptionType.Number;
  }
  return ApplicationCommandOptionType.String;
}
