import { DiscordAPIError, HTTPError, RESTJSONErrorCodes } from 'discord.js';
import { messages } from '../core/messages.js';
import { type CommandResult, privateResult } from '../core/result.js';
import { roleVanished } from '../core/role-change.js';

/** Discord's answer when the bot lacks Manage Roles or the role sits above the bot's own. */
export function isMissingPermissions(error: unknown): boolean {
  return error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.MissingPermissions;
}

/** Discord's answer for a role that no longer exists: deleted since the bot's cache saw it. */
export function isUnknownRole(error: unknown): boolean {
  return error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownRole;
}

/**
 * Discord no longer takes an answer: the 3 s were over, or (autocomplete) the member typed on
 * and Discord dropped the older request. Routine for autocomplete, so not an error.
 */
export function isExpiredInteraction(error: unknown): boolean {
  return (
    error instanceof DiscordAPIError &&
    (error.code === RESTJSONErrorCodes.UnknownInteraction ||
      error.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged)
  );
}

/** What a failing command acted on, so that its message can name it. */
export interface FailureSubject {
  /** The role name as the member typed it, for a command that changes that role. */
  readonly role?: string;
}

/**
 * What the caller is told when a command throws, the one place where an error becomes a
 * message: a role deleted under the command, a fix for the admin, or a plain apology.
 */
export function resultForError(error: unknown, subject: FailureSubject = {}): CommandResult {
  if (subject.role !== undefined && isUnknownRole(error)) return roleVanished(subject.role);
  return isMissingPermissions(error)
    ? privateResult('missingPermissions', messages.missingPermissions)
    : privateResult('failed', messages.failed);
}

/**
 * An error as a log may show it. Discord errors carry the request URL, and an interaction
 * callback URL contains the interaction token (a credential for 15 minutes), plus the request
 * body: neither is copied.
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof DiscordAPIError) {
    return {
      type: 'DiscordAPIError',
      code: error.code,
      status: error.status,
      method: error.method,
      message: error.message,
    };
  }
  if (error instanceof HTTPError) {
    return {
      type: 'HTTPError',
      status: error.status,
      method: error.method,
      message: error.message,
    };
  }
  if (error instanceof Error) {
    return { type: error.name, message: error.message, stack: error.stack };
  }
  return { type: typeof error, message: String(error) };
}
