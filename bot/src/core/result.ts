import type { Outcome } from '../contract/outcomes.js';

/**
 * Every way a command can end, and the telemetry outcome each one counts as. One table, so
 * a new code cannot be added without deciding whether it is the user's doing (`rejected`),
 * the server's setup (`forbidden`) or a failure (`error`).
 */
export const RESULT_OUTCOMES = {
  roleAdded: 'ok',
  roleRemoved: 'ok',
  rolesListed: 'ok',
  roleCreated: 'ok',
  roleRequested: 'ok',
  ageShown: 'ok',
  helpShown: 'ok',
  unknownRole: 'rejected',
  alreadyHasRole: 'rejected',
  doesNotHaveRole: 'rejected',
  invalidRoleName: 'rejected',
  duplicateRoleName: 'rejected',
  notInServer: 'rejected',
  missingPermissions: 'forbidden',
  failed: 'error',
  // Neither the member's doing nor the server's setup: a command the bot could not serve
  // because it was stopping counts against its availability like any other failure.
  restarting: 'error',
} as const satisfies Record<string, Outcome>;

export type ResultCode = keyof typeof RESULT_OUTCOMES;

export interface Reply {
  readonly content: string;
  /** Only the caller sees it. */
  readonly ephemeral: boolean;
  /** The one user this reply may ping; every other mention is inert. */
  readonly pingUserId?: string;
}

export interface CommandResult {
  readonly code: ResultCode;
  readonly outcome: Outcome;
  readonly reply: Reply;
}

export function commandResult(code: ResultCode, reply: Reply): CommandResult {
  return { code, outcome: RESULT_OUTCOMES[code], reply };
}

/** A refusal or failure: told to the caller only. */
export function privateResult(code: ResultCode, content: string): CommandResult {
  return commandResult(code, { content, ephemeral: true });
}
