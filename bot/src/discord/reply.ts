import { type ChatInputCommandInteraction, MessageFlags } from 'discord.js';
import type { Reply } from '../core/result.js';

/**
 * The only place the bot answers a command. Mentions are inert (`parse: []`) so that a
 * role named `@everyone` or a name like `<@&id>` can never ping anyone; the one exception
 * is the user a reply names on purpose (the owner in a `/role create` request).
 */
export async function sendReply(
  interaction: ChatInputCommandInteraction,
  reply: Reply,
): Promise<void> {
  const allowedMentions =
    reply.pingUserId === undefined ? { parse: [] } : { parse: [], users: [reply.pingUserId] };
  if (interaction.deferred) {
    // A deferral already chose the visibility (ephemeral), so only the content follows.
    await interaction.editReply({ content: reply.content, allowedMentions });
    return;
  }
  await interaction.reply({
    content: reply.content,
    allowedMentions,
    ...(reply.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  });
}
