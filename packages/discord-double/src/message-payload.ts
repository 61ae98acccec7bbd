import { type APIUser, MessageFlags, MessageType } from 'discord-api-types/v10';
import type { GuildFixture } from './guild-fixture.js';

/** The message an interaction reply becomes, as Discord returns it from webhook routes. */
export function interactionMessage(
  fixture: GuildFixture,
  id: string,
  body: Record<string, unknown>,
  options: { readonly loading?: boolean; readonly interactionId: string; readonly user: APIUser },
): Record<string, unknown> {
  const flags =
    (typeof body.flags === 'number' ? body.flags : 0) |
    (options.loading ? MessageFlags.Loading : 0);
  return {
    id,
    type: MessageType.ChatInputCommand,
    channel_id: fixture.channel.id,
    guild_id: fixture.guildId,
    author: fixture.botUser,
    content: typeof body.content === 'string' ? body.content : '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: Array.isArray(body.embeds) ? body.embeds : [],
    components: Array.isArray(body.components) ? body.components : [],
    pinned: false,
    flags,
    application_id: fixture.applicationId,
    webhook_id: fixture.applicationId,
    interaction_metadata: {
      id: options.interactionId,
      type: 2,
      user: options.user,
      authorizing_integration_owners: { '0': fixture.guildId },
    },
  };
}
