import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  MessageFlags,
} from 'discord.js';
import type { Logger } from 'pino';
import type { Command, CommandAnswer, CommandContext } from '../commands/command.js';
import type { CommandHelp } from '../core/help.js';
import { messages } from '../core/messages.js';
import { privateResult } from '../core/result.js';
import { describeError, isExpiredInteraction, resultForError } from '../discord/discord-error.js';
import { sendReply } from '../discord/reply.js';
import {
  type InteractionMeta,
  type InteractionScope,
  observeAutocomplete,
  observeCommand,
  observeRoleLookup,
  recordRoleChange,
} from '../telemetry/observe.js';

/**
 * Discord drops an interaction not answered within 3 s. A command still working after this
 * long is deferred (an ephemeral "thinking...") and its answer edited in later; the second
 * left over covers the deferral's own trip to Discord.
 */
const DEFER_AFTER_MS = 2_000;

export interface InteractionHandlerOptions {
  readonly commands: ReadonlyMap<string, Command>;
  readonly help: readonly CommandHelp[];
  readonly roleColor: number;
  readonly logger: Logger;
  /** How long a command may take before its reply is deferred. Default 2000 ms. */
  readonly deferAfterMs?: number;
  /**
   * True once the bot is shutting down: commands are then told to come back in a moment
   * (rather than left for Discord to call unanswered) and autocomplete offers nothing.
   */
  readonly isStopping: () => boolean;
}

/**
 * Turns each interaction into a command call and its answer into a reply. The one place
 * that records an interaction: its span, metrics and log line, from the facts the command
 * answers with. And the bot's one error boundary: whatever a command or Discord throws
 * becomes an outcome and a message, is logged, and never escapes (a rejected promise here
 * would crash the process).
 */
export function createInteractionHandler(
  options: InteractionHandlerOptions,
): (interaction: Interaction) => Promise<void> {
  const { commands, logger, isStopping } = options;
  const deferAfterMs = options.deferAfterMs ?? DEFER_AFTER_MS;
  const context: CommandContext = {
    roleColor: options.roleColor,
    help: options.help,
    logger,
    lookUpRole: observeRoleLookup,
  };

  async function answerCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    await observeCommand(metaOf(interaction), logger, async (scope) => {
      const answer = await decide(interaction);
      record(answer, scope);
      await sendReply(interaction, answer.result.reply);
    });
  }

  async function decide(interaction: ChatInputCommandInteraction): Promise<CommandAnswer> {
    if (isStopping()) return { result: privateResult('restarting', messages.restarting) };
    const command = commands.get(interaction.commandName);
    if (!command) {
      // Discord only sends registered commands: this is a stale registration.
      logger.warn({ command: interaction.commandName }, 'command not known to this version');
      return { result: privateResult('failed', messages.unknownCommand) };
    }
    if (!interaction.inCachedGuild()) {
      return { result: privateResult('notInServer', messages.notInServer) };
    }
    try {
      return await deferIfSlow(
        interaction,
        command.execute(interaction, context),
        deferAfterMs,
        logger,
      );
    } catch (error) {
      return { result: resultForError(error), error };
    }
  }

  /** Writes what the command answered onto the interaction's span, metrics and log. */
  function record(answer: CommandAnswer, scope: InteractionScope): void {
    const { result, role, change, error } = answer;
    if (role !== undefined) {
      scope.setRole(role.name, role.manageable);
      if (change !== undefined) recordRoleChange(change, role.name, role.manageable);
    }
    scope.setOutcome(result.outcome);
    // A role deleted under the command is the member's news, not the bot's failure.
    if (error === undefined || result.code === 'unknownRole') return;
    scope.recordError(error);
    if (result.code === 'missingPermissions') {
      logger.warn(
        { error: describeError(error) },
        'Discord refused a role change: missing permissions',
      );
    } else {
      logger.error({ error: describeError(error) }, 'command failed');
    }
  }

  async function answerAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    await observeAutocomplete(metaOf(interaction), logger, async () => {
      const command = commands.get(interaction.commandName);
      const choices =
        command?.autocomplete && interaction.inCachedGuild() && !isStopping()
          ? await command.autocomplete(interaction, context)
          : [];
      await interaction.respond(choices);
    });
  }

  return async (interaction) => {
    try {
      if (interaction.isChatInputCommand()) await answerCommand(interaction);
      else if (interaction.isAutocomplete()) await answerAutocomplete(interaction);
    } catch (error) {
      // Only the answer itself can fail here: there is nobody left to tell.
      const level = isExpiredInteraction(error) ? 'warn' : 'error';
      logger[level]({ error: describeError(error) }, 'interaction could not be answered');
    }
  };
}

function metaOf(
  interaction: ChatInputCommandInteraction | AutocompleteInteraction,
): InteractionMeta {
  const subcommand = interaction.options.getSubcommand(false);
  const shardId = interaction.guild?.shardId;
  return {
    command: interaction.commandName,
    ...(subcommand === null ? {} : { subcommand }),
    ...(shardId === undefined ? {} : { shardId }),
    guildId: interaction.guildId,
    userId: interaction.user.id,
  };
}

async function deferIfSlow(
  interaction: ChatInputCommandInteraction,
  work: Promise<CommandAnswer>,
  afterMs: number,
  logger: Logger,
): Promise<CommandAnswer> {
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<'slow'>((resolve) => {
    timer = setTimeout(() => resolve('slow'), afterMs);
  });
  const first = await Promise.race([work, slow]).finally(() => clearTimeout(timer));
  if (first !== 'slow') return first;
  // A failed deferral must not abandon the command: shutdown would stop waiting for it and
  // its outcome and error would go unrecorded. It goes on, and its result goes to the reply.
  await interaction
    .deferReply({ flags: MessageFlags.Ephemeral })
    .catch((error: unknown) =>
      logger.warn({ error: describeError(error) }, 'could not defer a slow command'),
    );
  return work;
}
