import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { showAge } from '../core/account-age.js';
import type { Command } from './command.js';

export const age: Command = {
  definition: new SlashCommandBuilder()
    .setName('age')
    .setDescription('Show when a Discord account was created')
    .setContexts(InteractionContextType.Guild)
    .addUserOption((option) =>
      option.setName('user').setDescription('Whose account (default: yours)').setRequired(false),
    ),

  async execute(interaction) {
    const user = interaction.options.getUser('user') ?? interaction.user;
    return { result: showAge(user.displayName, user.id) };
  },
};
