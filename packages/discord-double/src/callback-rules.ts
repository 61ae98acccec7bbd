import { InteractionResponseType, InteractionType } from 'discord-api-types/v10';
import { type DiscordError, invalidBody } from './discord-errors.js';
import { invalidMessage } from './message-limits.js';

/** Discord's limit on autocomplete choices. */
const MAX_CHOICES = 25;

export type CallbackBody = Record<string, unknown> & { readonly type: number };

const R = InteractionResponseType;
/** The answers Discord takes for each kind of interaction. */
const ALLOWED: Readonly<Record<number, readonly InteractionResponseType[]>> = {
  [InteractionType.ApplicationCommand]: [
    R.ChannelMessageWithSource,
    R.DeferredChannelMessageWithSource,
    R.Modal,
  ],
  [InteractionType.ApplicationCommandAutocomplete]: [R.ApplicationCommandAutocompleteResult],
  [InteractionType.MessageComponent]: [
    R.ChannelMessageWithSource,
    R.DeferredChannelMessageWithSource,
    R.DeferredMessageUpdate,
    R.UpdateMessage,
    R.Modal,
  ],
  [InteractionType.ModalSubmit]: [
    R.ChannelMessageWithSource,
    R.DeferredChannelMessageWithSource,
    R.DeferredMessageUpdate,
    R.UpdateMessage,
  ],
};

/**
 * Discord's checks on an interaction callback: a response type, one Discord takes for this
 * kind of interaction (choices answer autocomplete, a modal needs an id and a title), and
 * the limits.
 */
export function checkCallback(
  interaction: InteractionType,
  body: unknown,
): { readonly callback: CallbackBody } | { readonly error: DiscordError } {
  if (
    typeof body !== 'object' ||
    body === null ||
    typeof (body as { type?: unknown }).type !== 'number'
  ) {
    return { error: invalidBody('type', 'This field is required') };
  }
  const callback = body as CallbackBody;
  const data = (callback.data ?? {}) as Record<string, unknown>;
  if (!ALLOWED[interaction]?.includes(callback.type)) {
    return {
      error: invalidBody('type', 'Interaction response type is not valid for this interaction'),
    };
  }
  if (callback.type === R.ApplicationCommandAutocompleteResult) {
    const choices = Array.isArray(data.choices) ? data.choices : [];
    if (choices.length > MAX_CHOICES) {
      return { error: invalidBody('data.choices', `Must be ${MAX_CHOICES} or fewer in length.`) };
    }
  }
  if (callback.type === R.Modal) {
    for (const field of ['custom_id', 'title'] as const) {
      if (typeof data[field] !== 'string' || data[field] === '') {
        return { error: invalidBody(`data.${field}`, 'This field is required') };
      }
    }
  }
  const invalid = invalidMessage(data, 'data.content');
  return invalid === null ? { callback } : { error: invalid };
}
