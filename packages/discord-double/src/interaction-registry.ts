import {
  type APIUser,
  InteractionResponseType,
  type InteractionType,
  MessageFlags,
} from 'discord-api-types/v10';
import { checkCallback } from './callback-rules.js';
import {
  isEphemeral,
  type MessageHandle,
  type ShownModal,
  type VisibleMessage,
} from './component-interaction.js';
import { answerWith, DISCORD_ERRORS } from './discord-errors.js';
import type { GuildFixture } from './guild-fixture.js';
import { bodyFields } from './http-exchange.js';
import { invalidMessage } from './message-limits.js';
import { editedMessage, interactionMessage, type MessagePayload } from './message-payload.js';
import type { ApiAnswer } from './rest-router.js';
import type { SnowflakeSource } from './snowflake.js';
import { traceIdOf } from './traceparent.js';

/** What the bot answered to one interaction. */
export interface InteractionResult {
  readonly interactionId: string;
  /** The body of the bot's `POST /interactions/{id}/{token}/callback`. */
  readonly callback: unknown;
  /** The trace id in that request's `traceparent` header, or null when it had none. */
  readonly traceId: string | null;
  /** Milliseconds from the interaction's registration (just before it is sent) to its callback. */
  readonly callbackMs: number;
  /** After a deferred callback (type 5): the body of the bot's first edit or follow-up. */
  readonly deferredReply?: unknown;
}

/** No callback (or, after a deferral, no reply) arrived in time. */
export class CallbackTimeout extends Error {
  override readonly name = 'CallbackTimeout';
  readonly interactionId: string;

  constructor(interactionId: string, timeoutMs: number) {
    super(`no interaction callback from the bot within ${timeoutMs} ms`);
    this.interactionId = interactionId;
  }
}

/** Interaction tokens stay valid this long for edits and follow-ups. */
const TOKEN_LIFETIME_MS = 15 * 60_000;

/**
 * Interactions remembered at most, besides those still awaited. The token lifetime alone
 * bounds them only by rate (15 min at 30/s is 27,000 of about 1.5 KB each); the bot never
 * uses a token after its answer, so a thousand (8 min at the demo's 2/s) loses nothing.
 */
const MAX_REMEMBERED = 1_000;

interface Pending {
  readonly id: string;
  readonly token: string;
  readonly type: InteractionType;
  readonly user: APIUser;
  readonly createdAt: number;
  /** `performance.now()` at registration: the bench's latency needs sub-millisecond time. */
  readonly sentAt: number;
  callback?: {
    readonly body: Record<string, unknown>;
    readonly traceId: string | null;
    readonly callbackMs: number;
  };
  deferredReply?: unknown;
  message?: MessagePayload;
  /** The message a component (or a modal opened from one) sits on. */
  readonly source?: MessageHandle | undefined;
  /** Answered with UPDATE_MESSAGE or its deferral: `@original` is then the source message. */
  updatesSource?: boolean;
  readonly waiters: Set<(closing: boolean) => void>;
}

/** Modals shown and not yet submitted, kept at most (the oldest forgotten first). */
const MAX_MODALS = 100;

const DEFERRALS: readonly number[] = [
  InteractionResponseType.DeferredChannelMessageWithSource,
  InteractionResponseType.DeferredMessageUpdate,
];

/**
 * Interactions the double has sent and what the bot answered: checks callbacks as Discord
 * does (3 s to answer, one answer, at most 25 choices, 2000 characters) and serves the
 * interaction webhook routes for edits and follow-ups.
 */
export class InteractionRegistry {
  readonly #pending = new Map<string, Pending>();
  readonly #modals: ShownModal[] = [];
  readonly #fixture: GuildFixture;
  readonly #ids: SnowflakeSource;
  readonly #deadlineMs: number;

  constructor(fixture: GuildFixture, ids: SnowflakeSource, deadlineMs: number) {
    this.#fixture = fixture;
    this.#ids = ids;
    this.#deadlineMs = deadlineMs;
  }

  register(
    id: string,
    token: string,
    type: InteractionType,
    user: APIUser,
    source?: MessageHandle,
  ): void {
    const now = Date.now();
    // Oldest first (insertion order), so the walk stops at the first one to keep.
    for (const [key, old] of this.#pending) {
      const expired = now - old.createdAt > TOKEN_LIFETIME_MS;
      if (!expired && this.#pending.size < MAX_REMEMBERED) break;
      // Beyond the cap an interaction someone still waits for is skipped, not forgotten.
      if (expired || old.waiters.size === 0) this.#pending.delete(key);
    }
    this.#pending.set(id, {
      id,
      token,
      type,
      user,
      createdAt: now,
      sentAt: performance.now(),
      source,
      waiters: new Set(),
    });
  }

  /** Interactions whose tokens the double still honours. */
  get size(): number {
    return this.#pending.size;
  }

  /** `POST /interactions/{id}/{token}/callback`. */
  acknowledge(
    id: string,
    token: string,
    body: unknown,
    traceparent: string | undefined,
    withResponse: boolean,
  ): ApiAnswer {
    const pending = this.#pending.get(id);
    if (pending === undefined || pending.token !== token)
      return answerWith(DISCORD_ERRORS.unknownInteraction);
    if (pending.callback !== undefined) return answerWith(DISCORD_ERRORS.alreadyAcknowledged);
    if (Date.now() - pending.createdAt > this.#deadlineMs)
      return answerWith(DISCORD_ERRORS.unknownInteraction);
    const checked = checkCallback(pending.type, body);
    if ('error' in checked) return answerWith(checked.error);
    const { callback } = checked;

    pending.callback = {
      body: callback,
      traceId: traceIdOf(traceparent),
      callbackMs: performance.now() - pending.sentAt,
    };
    const data = (callback.data ?? {}) as Record<string, unknown>;
    if (callback.type === InteractionResponseType.ChannelMessageWithSource) {
      pending.message = this.#message(pending, data, false);
    } else if (callback.type === InteractionResponseType.DeferredChannelMessageWithSource) {
      pending.message = this.#message(pending, data, true);
    } else if (callback.type === InteractionResponseType.UpdateMessage) {
      pending.updatesSource = true;
      pending.source?.update(data);
    } else if (callback.type === InteractionResponseType.DeferredMessageUpdate) {
      pending.updatesSource = true;
    } else if (callback.type === InteractionResponseType.Modal) {
      this.#modals.push({
        userId: pending.user.id,
        data,
        ...(pending.source === undefined ? {} : { source: pending.source }),
      });
      this.#modals.splice(0, Math.max(0, this.#modals.length - MAX_MODALS));
    }
    this.#wake(pending);
    if (!withResponse) return { status: 204 };
    return {
      status: 200,
      body: {
        interaction: {
          id,
          type: pending.type,
          activity_instance_id: null,
          response_message_id: pending.message?.id ?? null,
          response_message_loading:
            callback.type === InteractionResponseType.DeferredChannelMessageWithSource,
          response_message_ephemeral:
            (((data.flags as number | undefined) ?? 0) & MessageFlags.Ephemeral) !== 0,
        },
        resource: {
          type: callback.type,
          ...(pending.message === undefined ? {} : { message: pending.message }),
        },
      },
    };
  }

  /** `PATCH /webhooks/{app}/{token}/messages/@original` and follow-ups (`POST /webhooks/{app}/{token}`). */
  reply(token: string, body: unknown, kind: 'edit' | 'follow-up'): ApiAnswer {
    const pending = this.#byToken(token);
    if (pending === undefined) return answerWith(DISCORD_ERRORS.unknownWebhook);
    const data = bodyFields(body);
    const invalid = invalidMessage(data, 'content');
    if (invalid !== null) return answerWith(invalid);
    let edited: MessagePayload | undefined;
    if (kind === 'edit') {
      edited = pending.updatesSource ? pending.source?.update(data) : this.#editOwn(pending, data);
      if (edited === undefined) return answerWith(DISCORD_ERRORS.unknownMessage);
    }
    if (pending.deferredReply === undefined) {
      pending.deferredReply = data;
      this.#wake(pending);
    }
    return {
      status: 200,
      body: edited ?? this.#message(pending, data, false),
    };
  }

  /** `GET`/`DELETE /webhooks/{app}/{token}/messages/@original`. */
  original(token: string, method: 'GET' | 'DELETE'): ApiAnswer {
    const pending = this.#byToken(token);
    const handle = pending === undefined ? undefined : this.#original(pending);
    const message = handle?.read();
    if (handle === undefined || message === undefined)
      return answerWith(DISCORD_ERRORS.unknownMessage);
    if (method === 'GET') return { status: 200, body: message };
    handle.remove();
    return { status: 204 };
  }

  /** The replies members can see now, newest first: where their components are. */
  visibleMessages(): VisibleMessage[] {
    const visible: VisibleMessage[] = [];
    for (const pending of this.#pending.values()) {
      const message = pending.message;
      if (message === undefined) continue;
      visible.push({
        message,
        handle: this.#ownMessage(pending),
        ...(isEphemeral(message) ? { onlyFor: pending.user.id } : {}),
      });
    }
    return visible.reverse();
  }

  /** The latest modal with this id shown to this member and not yet submitted. */
  shownModal(userId: string, customId: string): ShownModal | undefined {
    return this.#modals.findLast((m) => m.userId === userId && m.data.custom_id === customId);
  }

  /** A modal is submitted once. */
  submitted(modal: ShownModal): void {
    const index = this.#modals.indexOf(modal);
    if (index !== -1) this.#modals.splice(index, 1);
  }

  /** `@original`: the interaction's own reply, or the message it updated. */
  #original(pending: Pending): MessageHandle | undefined {
    if (pending.updatesSource) return pending.source;
    return this.#ownMessage(pending);
  }

  /** An edit of the interaction's own reply; a deferral's "thinking…" ends with it. */
  #editOwn(pending: Pending, data: Record<string, unknown>): MessagePayload | undefined {
    if (pending.message === undefined) return undefined;
    const edited = editedMessage(pending.message, data);
    pending.message = { ...edited, flags: Number(edited.flags) & ~MessageFlags.Loading };
    return pending.message;
  }

  #ownMessage(pending: Pending): MessageHandle {
    return {
      read: () => pending.message,
      update: (body) => {
        if (pending.message === undefined) return undefined;
        pending.message = editedMessage(pending.message, body);
        return pending.message;
      },
      remove: () => delete pending.message,
    };
  }

  /** Resolves when the bot has answered (and, after a deferral, replied), or rejects after `timeoutMs`. */
  waitForResult(id: string, timeoutMs: number): Promise<InteractionResult> {
    const pending = this.#pending.get(id);
    if (pending === undefined) return Promise.reject(new Error(`unknown interaction ${id}`));
    return new Promise((resolve, reject) => {
      const settle = (): boolean => {
        const callback = pending.callback;
        if (callback === undefined) return false;
        const deferred = DEFERRALS.includes(Number(callback.body.type));
        if (deferred && pending.deferredReply === undefined) return false;
        finish();
        resolve(result(pending));
        return true;
      };
      const timer = setTimeout(() => {
        finish();
        // A deferral without its reply still answers the caller: the callback is the contract.
        if (pending.callback !== undefined) resolve(result(pending));
        else reject(new CallbackTimeout(id, timeoutMs));
      }, timeoutMs);
      const finish = (): void => {
        clearTimeout(timer);
        pending.waiters.delete(wake);
      };
      const wake = (closing: boolean): void => {
        if (settle() || !closing) return;
        finish();
        reject(new Error('the Discord double closed before the bot answered'));
      };
      if (!settle()) pending.waiters.add(wake);
    });
  }

  /** Wakes every waiter so none outlives the double. */
  close(): void {
    for (const pending of this.#pending.values()) this.#wake(pending, true);
    this.#pending.clear();
  }

  #byToken(token: string): Pending | undefined {
    for (const pending of this.#pending.values()) if (pending.token === token) return pending;
    return undefined;
  }

  #wake(pending: Pending, closing = false): void {
    if (closing) {
      for (const waiter of [...pending.waiters]) waiter(true);
      return;
    }
    // After the current request is answered and recorded, so waiters see its final status.
    setImmediate(() => {
      for (const waiter of [...pending.waiters]) waiter(false);
    });
  }

  #message(pending: Pending, data: Record<string, unknown>, loading: boolean): MessagePayload {
    return interactionMessage(this.#fixture, this.#ids.next(), data, {
      loading,
      interactionId: pending.id,
      user: pending.user,
    });
  }
}

function result(pending: Pending): InteractionResult {
  return {
    interactionId: pending.id,
    callback: pending.callback?.body,
    traceId: pending.callback?.traceId ?? null,
    callbackMs: pending.callback?.callbackMs ?? Number.NaN,
    ...(pending.deferredReply === undefined ? {} : { deferredReply: pending.deferredReply }),
  };
}
