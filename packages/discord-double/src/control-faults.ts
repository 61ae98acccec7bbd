import { DISCORD_ERRORS } from './discord-errors.js';
import { DEMO_FAILURES, type ScriptedFault } from './fault-injector.js';

/**
 * discord.js retries a 5xx this many times (the REST option `retries`, default 3), so one
 * more failed call than that exhausts it.
 */
const DISCORD_JS_RETRIES = 3;

/**
 * Past the bot's 2 s deferral threshold, so the answer comes as a deferral and an edit, and
 * well inside the 15 minutes an interaction token lives.
 */
const SLOW_ANSWER_MS = 2500;

/**
 * What `POST /_demo/interactions` can ask the double to do to the role change (or creation)
 * the interaction leads to, as the calls the fault injector fails, in order.
 */
export const CONTROL_FAULTS = {
  /** Discord 50013: the bot lacks Manage Roles or the role sits above the bot's. */
  forbidden: [{ kind: 'discord-error', error: DISCORD_ERRORS.missingPermissions }],
  /** A 503 outage that outlasts discord.js's retries: the command fails. */
  server_error: Array.from({ length: DISCORD_JS_RETRIES + 1 }, () => ({
    kind: 'server-error' as const,
    status: 503 as const,
  })),
  /** One 429; discord.js waits out `retry-after`, then the retry succeeds. */
  rate_limited: [{ kind: 'rate-limit', retryAfterMs: DEMO_FAILURES.retryAfterMs }],
  /** The change succeeds after a delay long enough to make the bot defer its answer. */
  slow: [{ kind: 'slow', delayMs: SLOW_ANSWER_MS }],
} as const satisfies Record<string, readonly ScriptedFault[]>;

export type ControlFault = keyof typeof CONTROL_FAULTS;

export const CONTROL_FAULT_NAMES = Object.keys(CONTROL_FAULTS) as [ControlFault, ...ControlFault[]];
