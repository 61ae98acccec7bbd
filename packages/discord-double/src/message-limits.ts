import { DISCORD_ERRORS, type DiscordError, invalidBody } from './discord-errors.js';

/** Discord's limit on message content. */
const MAX_CONTENT = 2000;

/**
 * Discord's checks on a message body (channel message, interaction reply, edit, follow-up):
 * content within the limit, and (`mustHaveContent`, for a new message) something to show.
 */
export function invalidMessage(
  data: Record<string, unknown>,
  field: string,
  mustHaveContent = false,
): DiscordError | null {
  if (typeof data.content === 'string' && data.content.length > MAX_CONTENT) {
    return invalidBody(field, `Must be ${MAX_CONTENT} or fewer in length.`);
  }
  const has = (value: unknown) => Array.isArray(value) && value.length > 0;
  const empty =
    (typeof data.content !== 'string' || data.content === '') &&
    !has(data.embeds) &&
    !has(data.components);
  return mustHaveContent && empty ? DISCORD_ERRORS.emptyMessage : null;
}
