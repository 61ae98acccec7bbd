import type { SlashCommandSubcommandBuilder } from 'discord.js';
import type { Command } from '../command.js';

/** One `/role` subcommand: how it is declared and what it does. */
export interface Subcommand extends Omit<Command, 'definition'> {
  readonly name: string;
  declare(builder: SlashCommandSubcommandBuilder): SlashCommandSubcommandBuilder;
}
