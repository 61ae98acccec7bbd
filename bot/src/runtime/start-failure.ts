import { DiscordAPIError, DiscordjsErrorCodes } from 'discord.js';

/** A start that cannot go on, with what the user can do about it, said in one line. */
export class StartFailure extends Error {
  override readonly name = 'StartFailure';
}

/** Discord's answer to a token it does not know: discord.js's own code, or a 401. */
function isTokenRefused(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === DiscordjsErrorCodes.TokenInvalid ||
    (error instanceof DiscordAPIError && error.status === 401)
  );
}

/**
 * The one line a failed start ends with: what happened and what to do, no stack (the cause of
 * an unforeseen error is its message; its stack would not tell the user what to change).
 */
export function startFailureLine(error: unknown): string {
  if (error instanceof StartFailure) return error.message;
  if (isTokenRefused(error)) {
    return (
      'Discord refused the token: set DISCORD_TOKEN (or DISCORD_TOKEN_FILE) to the bot token ' +
      'from the Developer Portal (your application > Bot > Reset Token), or unset both for demo mode'
    );
  }
  return `${error instanceof Error ? error.message : String(error)} (LOG_LEVEL=debug may say more)`;
}
