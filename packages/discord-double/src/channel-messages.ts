import type { VisibleMessage } from './component-interaction.js';
import { DISCORD_ERRORS, type DiscordError } from './discord-errors.js';
import type { GuildFixture } from './guild-fixture.js';
import type { Dispatch } from './guild-state.js';
import { bodyFields } from './http-exchange.js';
import { invalidMessage } from './message-limits.js';
import { channelMessage, editedMessage, type MessagePayload } from './message-payload.js';
import type { SnowflakeSource } from './snowflake.js';

/**
 * Messages kept, oldest dropped first: a test reads the latest; a long demo keeps no more
 * than this (a few MB).
 */
const MAX_MESSAGES = 1_000;

/**
 * The guild channel's messages as Discord holds them: what the bot sent, edited and deleted
 * through the channel routes, each change announced over the gateway (MESSAGE_CREATE,
 * MESSAGE_UPDATE, MESSAGE_DELETE).
 */
export class ChannelMessages {
  readonly #messages = new Map<string, MessagePayload>();
  readonly #fixture: GuildFixture;
  readonly #ids: SnowflakeSource;
  readonly #dispatch: Dispatch;

  constructor(fixture: GuildFixture, ids: SnowflakeSource, dispatch: Dispatch) {
    this.#fixture = fixture;
    this.#ids = ids;
    this.#dispatch = dispatch;
  }

  /** Oldest first. */
  list(): readonly MessagePayload[] {
    return [...this.#messages.values()];
  }

  /** Newest first, each with the handle a component interaction changes it through. */
  visibleMessages(): VisibleMessage[] {
    const channel = this.#fixture.channel.id;
    return [...this.#messages.values()].reverse().map((message) => ({
      message,
      handle: {
        read: () => this.#messages.get(message.id),
        update: (body) => {
          const edited = this.edit(channel, message.id, body);
          return 'id' in edited ? edited : undefined;
        },
        remove: () => this.delete(channel, message.id) === null,
      },
    }));
  }

  get(channelId: string, messageId: string): MessagePayload | DiscordError {
    if (channelId !== this.#fixture.channel.id) return DISCORD_ERRORS.unknownChannel;
    return this.#messages.get(messageId) ?? DISCORD_ERRORS.unknownMessage;
  }

  create(channelId: string, body: unknown): MessagePayload | DiscordError {
    if (channelId !== this.#fixture.channel.id) return DISCORD_ERRORS.unknownChannel;
    const fields = bodyFields(body);
    const invalid = invalidMessage(fields, 'content', true);
    if (invalid !== null) return invalid;
    const message = channelMessage(this.#fixture, this.#ids.next(), fields);
    this.#messages.set(message.id, message);
    for (const old of this.#messages.keys()) {
      if (this.#messages.size <= MAX_MESSAGES) break;
      this.#messages.delete(old);
    }
    this.#dispatch('MESSAGE_CREATE', message);
    return message;
  }

  edit(channelId: string, messageId: string, body: unknown): MessagePayload | DiscordError {
    const found = this.get(channelId, messageId);
    if (!('id' in found)) return found;
    const fields = bodyFields(body);
    const invalid = invalidMessage(fields, 'content');
    if (invalid !== null) return invalid;
    const message = editedMessage(found, fields);
    this.#messages.set(message.id, message);
    this.#dispatch('MESSAGE_UPDATE', message);
    return message;
  }

  delete(channelId: string, messageId: string): DiscordError | null {
    const found = this.get(channelId, messageId);
    if (!('id' in found)) return found;
    this.#messages.delete(messageId);
    this.#dispatch('MESSAGE_DELETE', {
      id: messageId,
      channel_id: channelId,
      guild_id: this.#fixture.guildId,
    });
    return null;
  }
}
