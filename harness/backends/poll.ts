import { setTimeout as sleep } from 'node:timers/promises';

export interface PollOptions {
  /** What is awaited, for the timeout message: "trace 4bf9... in Tempo". */
  readonly description: string;
  readonly timeoutMs: number;
  readonly intervalMs?: number;
  /** Gives up after this many attempts even with time left (for probes that cause load). */
  readonly maxAttempts?: number;
}

export interface Polled<T> {
  readonly value: T;
  /** From the first probe to the one that answered: the signal's delay as a user sees it. */
  readonly elapsedMs: number;
  readonly attempts: number;
}

/** Thrown when the time is up; carries the last thing the probe saw, so a failure explains itself. */
export class PollTimeoutError extends Error {
  override readonly name = 'PollTimeoutError';
  constructor(
    readonly description: string,
    readonly timeoutMs: number,
    readonly attempts: number,
    readonly lastObservation: string,
  ) {
    super(
      `gave up after ${attempts} attempts (limit ${timeoutMs} ms) waiting for ${description}; last seen: ${lastObservation}`,
    );
  }
}

/** What a probe answers when it is not satisfied yet, and why (kept for the timeout message). */
export interface NotYet {
  readonly notYet: string;
}

export function notYet(reason: string): NotYet {
  return { notYet: reason };
}

function isNotYet(value: unknown): value is NotYet {
  return typeof value === 'object' && value !== null && 'notYet' in value;
}

/**
 * Calls `probe` until it answers a value instead of `notYet(reason)`, or the time is up.
 * A probe that throws counts as "not yet" (a backend that restarts refuses connections for
 * a while); the error's message becomes the last observation. The last attempt starts
 * before the deadline, so a slow backend still gets its final chance.
 */
export async function pollUntil<T>(
  probe: () => Promise<T | NotYet>,
  options: PollOptions,
): Promise<Polled<T>> {
  const intervalMs = options.intervalMs ?? 500;
  const started = performance.now();
  const deadline = started + options.timeoutMs;
  let attempts = 0;
  let lastObservation = 'no attempt finished';
  for (;;) {
    attempts += 1;
    try {
      const answer = await probe();
      if (!isNotYet(answer)) {
        return { value: answer, elapsedMs: performance.now() - started, attempts };
      }
      lastObservation = answer.notYet;
    } catch (error) {
      lastObservation = error instanceof Error ? error.message : String(error);
    }
    const remaining = deadline - performance.now();
    if (remaining <= 0 || attempts === options.maxAttempts) {
      throw new PollTimeoutError(options.description, options.timeoutMs, attempts, lastObservation);
    }
    await sleep(Math.min(intervalMs, remaining));
  }
}
