import { hash } from 'node:crypto';
import { OTHER_ROLE } from '../contract/attributes.js';
import { BoundedLabels } from './bounded-labels.js';

/**
 * What telemetry may say about people and typed input. Shared by spans, metrics and the
 * logger so that a user id or an arbitrary role name cannot leak through one of them.
 */

/** What telemetry may say about a member, as the config module parses it. */
export interface PrivacySettings {
  /** `hash`: a pseudonymous digest of the Discord user id; `omit`: no user attribute at all. */
  readonly userIds: 'hash' | 'omit';
}

/**
 * Set once at start by the preload (config/telemetry-config.ts parses ROBOSHPEE_USER_IDS);
 * until then, and in a process without the preload, the documented default.
 */
let userIds: PrivacySettings['userIds'] = 'hash';

export function configurePrivacy(settings: PrivacySettings): void {
  userIds = settings.userIds;
}

/**
 * Pseudonyms already computed: the same members run command after command, and each
 * interaction's span and log line ask again. Bounded, since the ids come from outside.
 */
const pseudonyms = new Map<string, string>();
const MAX_PSEUDONYMS = 10_000;

/**
 * A stable pseudonym for a Discord user id: the first 16 hex digits of its SHA-256. It lets
 * one follow a user's interactions across signals without storing the id itself. It is a
 * pseudonym, not anonymity: whoever already knows an id can compute its digest.
 */
export function hashUserId(userId: string): string {
  let pseudonym = pseudonyms.get(userId);
  if (pseudonym === undefined) {
    pseudonym = hash('sha256', userId, 'hex').slice(0, 16);
    if (pseudonyms.size >= MAX_PSEUDONYMS) pseudonyms.clear();
    pseudonyms.set(userId, pseudonym);
  }
  return pseudonym;
}

/** The user value telemetry may carry under ROBOSHPEE_USER_IDS, or undefined for `omit`. */
export function telemetryUserId(userId: string): string | undefined {
  return userIds === 'hash' ? hashUserId(userId) : undefined;
}

/**
 * A role name as a label: itself when it is one of the manageable roles, else `other`.
 * Typed input (autocomplete, `/role create`) can therefore never add a series.
 */
export function roleLabel(name: string, manageable: readonly string[]): string {
  return manageable.includes(name) ? name : OTHER_ROLE;
}

/** The label a command gets once the cap below is reached. */
export const OTHER_COMMAND = 'other';

/** Discord only sends registered commands; the cap guards against a misbehaving peer. */
const commandLabels = new BoundedLabels(64, OTHER_COMMAND);

/** A command name as a label, bounded to the first 64 distinct names. */
export function commandLabel(name: string): string {
  return commandLabels.label(name);
}
