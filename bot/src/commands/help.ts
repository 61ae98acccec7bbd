import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { showHelp } from '../core/help.js';
import type { Command } from './command.js';

export const help: Command = {
  definition: new SlashCommandBuilder()
    .setName('help')
    .setDescription('List what RoboShpee can do')
    .setContexts(InteractionContextType.Guild),

  async execute(_interaction, { help: commands }) {
    return { result: showHelp(commands) };
  },
};
