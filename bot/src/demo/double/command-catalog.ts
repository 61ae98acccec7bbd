import { ApplicationCommandOptionType } from 'discord.js';

/**
 * The option types of RoboShpee's slash commands, as Discord knows them from registration.
 * Options not listed here are typed from their JSON value (string, integer, number, boolean).
 */
const USER_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  age: ['user'],
};

const AUTOCOMPLETE_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  'role add': ['name'],
  'role remove': ['name'],
};

export function optionType(
  command: string,
  option: string,
  value: string | number | boolean,
): ApplicationCommandOptionType {
  if (USER_OPTIONS[command]?.includes(option)) return ApplicationCommandOptionType.User;
  if (typeof value === 'boolean') return ApplicationCommandOptionType.Boolean;
  if (typeof value === 'number') {
    return Number.isInteger(value)
      ? ApplicationCommandOptionType.Integer
      : ApplicationCommandOptionType.Number;
  }
  return ApplicationCommandOptionType.String;
}

/** The option an autocomplete interaction is about when the caller names none. */
export function defaultFocusedOption(
  command: string,
  subcommand: string | undefined,
): string | undefined {
  return AUTOCOMPLETE_OPTIONS[subcommand === undefined ? command : `${command} ${subcommand}`]?.[0];
}
