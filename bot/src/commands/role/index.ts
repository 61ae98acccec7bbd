import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../command.js';
import { roleAdd } from './add.js';
import { roleCreate } from './create.js';
import { roleList } from './list.js';
import { roleRemove } from './remove.js';
import type { Subcommand } from './subcommand.js';

const subcommands: ReadonlyMap<string, Subcommand> = new Map(
  [roleAdd, roleRemove, roleList, roleCreate].map((sub) => [sub.name, sub]),
);

function subcommandOf(name: string): Subcommand {
  const subcommand = subcommands.get(name);
  if (!subcommand) throw new Error(`unknown /role subcommand '${name}'`);
  return subcommand;
}

function defineRole() {
  const builder = new SlashCommandBuilder()
    .setName('role')
    .setDescription('Manage your game roles')
    .setContexts(InteractionContextType.Guild);
  for (const sub of subcommands.values()) builder.addSubcommand((option) => sub.declare(option));
  return builder;
}

/** `/role add|remove|list|create`: members manage their own game roles. */
export const role: Command = {
  definition: defineRole(),

  execute: (interaction, context) =>
    subcommandOf(interaction.options.getSubcommand(true)).execute(interaction, context),

  async autocomplete(interaction, context) {
    const subcommand = subcommandOf(interaction.options.getSubcommand(true));
    return subcommand.autocomplete ? subcommand.autocomplete(interaction, context) : [];
  },
};
