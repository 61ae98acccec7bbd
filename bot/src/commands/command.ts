import type {
  ApplicationCommandOptionChoiceData,
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Logger } from 'pino';
import type { CommandHelp } from '../core/help.js';
import type { CommandResult } from '../core/result.js';

export interface CommandContext {
  /** The colour that marks a game role. */
  readonly roleColor: number;
  /** Every command's usage, for `/help`. */
  readonly help: readonly CommandHelp[];
  readonly logger: Logger;
  /**
   * Runs the core's role lookup. The handler times it (the trace's `role lookup` span), so
   * that a command reaches no telemetry itself.
   */
  readonly lookUpRole: <T>(lookUp: () => T) => T;
}

/**
 * What a command answers: the result to reply with, and the facts the handler records
 * about the interaction. A command reports rather than records, so that the handler alone
 * talks to telemetry.
 */
export interface CommandAnswer {
  readonly result: CommandResult;
  /**
   * The role the interaction is about, and the guild's manageable roles: a role is recorded
   * by name only if it is one of them.
   */
  readonly role?: { readonly name: string; readonly manageable: readonly string[] };
  /** What Discord did to that role, counted by the handler. */
  readonly change?: 'add' | 'remove' | 'create';
  /** The Discord error the command turned into its result, for the handler to record. */
  readonly error?: unknown;
}

/**
 * A slash command: its definition for Discord, and thin handlers that hand the decision to
 * the core and return its result. The interaction handler sends the reply, so a command
 * never replies itself and every reply goes through one place that disables mentions.
 */
export interface Command {
  readonly definition: { toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(
    interaction: ChatInputCommandInteraction<'cached'>,
    context: CommandContext,
  ): Promise<CommandAnswer>;
  autocomplete?(
    interaction: AutocompleteInteraction<'cached'>,
    context: CommandContext,
  ): Promise<readonly ApplicationCommandOptionChoiceData<string>[]>;
}
