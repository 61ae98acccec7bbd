import type {
  ApplicationCommandOptionChoiceData,
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Logger } from 'pino';
import type { CommandHelp } from '../core/help.js';
import type { CommandResult } from '../core/result.js';
import type { FailureSubject } from '../discord/discord-error.js';
import type { InteractionScope } from '../telemetry/observe.js';

export interface CommandContext {
  readonly scope: InteractionScope;
  /** The colour that marks a game role. */
  readonly roleColor: number;
  /** Every command's usage, for `/help`. */
  readonly help: readonly CommandHelp[];
  readonly logger: Logger;
  /** Filled in by the command before the call that may fail, for the handler's message. */
  readonly subject: FailureSubject;
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
  ): Promise<CommandResult>;
  autocomplete?(
    interaction: AutocompleteInteraction<'cached'>,
    context: CommandContext,
  ): Promise<readonly ApplicationCommandOptionChoiceData<string>[]>;
}
