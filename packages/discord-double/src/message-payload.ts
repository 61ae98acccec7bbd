import { type APIUser, MessageFlags, MessageType } from 'discord-api-types/v10';
import type { GuildFixture } from './guild-fixture.js';

/** A message as Discord returns it, from what the bot sent (content, embeds, components, flags). */
export type MessagePayload = Record<string, unknown> & {
  readonly id: string;
  readonly components: unknown[];
};

/** The fields of a message body a bot may set and a later edit may change. */
export function messageContent(body: Record<string, unknown>): Record<string, unknown> {
  return {
    ...(typeof body.content === 'string' ? { content: body.content } : {}),
    ...(Array.isArray(body.embeds) ? { embeds: body.embeds } : {}),
    ...(Array.isArray(body.components) ? { components: body.components } : {}),
  };
}

function baseMessage(
  fixture: GuildFixture,
  id: string,
  body: Record<string, unknown>,
  flags: number,
): MessagePayload {
  return {
    id,
    channel_id: fixture.channel.id,
    guild_id: fixture.guildId,
    author: fixture.botUser,
    content: '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    ...messageContent(body),
    flags,
  };
}

/** A message the bot sent to the channel (`POST /channels/{channel}/messages`). */
export function channelMessage(
  fixture: GuildFixture,
  id: string,
  body: Record<string, unknown>,
): MessagePayload {
  return { ...baseMessage(fixture, id, body, 0), type: MessageType.Default };
}

/** The message an interaction reply becomes, as Discord returns it from webhook routes. */
export function interactionMessage(
  fixture: GuildFixture,
  id: string,
  body: Record<string, unknown>,
  options: { readonly loading?: boolean; readonly interactionId: string; readonly user: APIUser },
): MessagePayload {
  const flags =
    (typeof body.flags === 'number' ? body.flags : 0) |
    (options.loading ? MessageFlags.Loading : 0);
  return {
    ...baseMessage(fixture, id, body, flags),
    type: MessageType.ChatInputCommand,
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

/** A message after an edit: the new fields over the old, marked edited. */
export function editedMessage(
  message: MessagePayload,
  body: Record<string, unknown>,
): MessagePayload {
  return { ...message, ...messageContent(body), edited_timestamp: new Date().toISOString() };
}
