import { InteractionResponseType, InteractionType } from 'discord-api-types/v10';
import { type DiscordError, invalidBody } from './discord-errors.js';

/** Discord's limits that a bot can overstep in its answers. */
const MAX_CHOICES = 25;
const MAX_CONTENT = 2000;

export type CallbackBody = Record<string, unknown> & { readonly type: number };

/**
 * Discord's checks on an interaction callback: a response type, the right one for the
 * interaction (choices answer autocomplete, messages answer commands), and the limits.
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
  const isAutocomplete = interaction === InteractionType.ApplicationCommandAutocomplete;
  const answersAutocomplete =
    callback.type === InteractionResponseType.ApplicationCommandAutocompleteResult;
  if (isAutocomplete !== answersAutocomplete) {
    return {
      error: invalidBody('type', 'Interaction response type is not valid for this interaction'),
    };
  }
  if (answersAutocomplete) {
    const choices = Array.isArray(data.choices) ? data.choices : [];
    if (choices.length > MAX_CHOICES) {
      return { error: invalidBody('data.choices', `Must be ${MAX_CHOICES} or fewer in length.`) };
    }
  }
  const invalid = invalidMessage(data, 'data.content');
  return invalid === null ? { callback } : { error: invalid };
}

/** A message body (callback data, edit or follow-up) over Discord's content limit. */
export function invalidMessage(data: Record<string, unknown>, field: string): DiscordError | null {
  if (typeof data.content === 'string' && data.content.length > MAX_CONTENT) {
    return invalidBody(field, `Must be ${MAX_CONTENT} or fewer in length.`);
  }
  return null;
}
