import type { DiscordError } from './discord-errors.js';
import { SeededRandom } from './seeded-random.js';

/** How often, and how, the double misbehaves on the bot's REST calls (interaction callbacks excepted). */
export interface FailureRates {
  /** Fraction of calls answered 500/502/503. discord.js retries these (3 times by default). */
  readonly serverErrorRate: number;
  /**
   * Fraction of those 5xx that open an incident: every call fails for `incidentMs`, so
   * discord.js runs out of retries and the command fails, as in a real Discord outage.
   */
  readonly incidentRate: number;
  readonly incidentMs: number;
  /** Fraction of calls answered 429 with `retry-after`; discord.js waits, then retries. */
  readonly rateLimitRate: number;
  /** How long an injected 429 asks the client to wait. */
  readonly retryAfterMs: number;
  /** Fraction of calls answered only after a delay drawn from `slowDelayMs`. */
  readonly slowRate: number;
  readonly slowDelayMs: readonly [min: number, max: number];
  /**
   * Fraction of role add/remove calls that meet an admin who has just moved the target role
   * above the bot's: Discord answers 50013 before the gateway tells the bot (a stale cache).
   */
  readonly hierarchyDriftRate: number;
  /** How long such a role stays above the bot before it is moved back. */
  readonly hierarchyDriftMs: number;
  /** Network latency added to every REST answer. */
  readonly latencyMs: readonly [min: number, max: number];
}

/** Delays stay bounded: nothing the double does may outlast a test or a shutdown by much. */
const MAX_DELAY_MS = 30_000;

/**
 * A demo's mix, asked for with `failures: DEMO_FAILURES`: rare enough that most commands
 * succeed, frequent enough to show on a dashboard.
 */
export const DEMO_FAILURES: FailureRates = {
  serverErrorRate: 0.03,
  // One 5xx in ten opens a 3-second outage: at the demo's default 2 interactions/s, one
  // failed command every quarter of an hour or so, enough to show on an error-ratio panel.
  incidentRate: 0.1,
  incidentMs: 3000,
  rateLimitRate: 0.03,
  retryAfterMs: 750,
  slowRate: 0.05,
  slowDelayMs: [300, 1500],
  hierarchyDriftRate: 0.03,
  hierarchyDriftMs: 5000,
  latencyMs: [10, 60],
};

/** Discord as it behaves on a good day: the default. */
export const NO_FAILURES: FailureRates = {
  serverErrorRate: 0,
  incidentRate: 0,
  incidentMs: 0,
  rateLimitRate: 0,
  retryAfterMs: 0,
  slowRate: 0,
  slowDelayMs: [0, 0],
  hierarchyDriftRate: 0,
  hierarchyDriftMs: 0,
  latencyMs: [0, 0],
};

/** A failure a test asks for on the next rate-limited REST call(s), ahead of the random ones. */
export type ScriptedFault =
  | { readonly kind: 'rate-limit'; readonly retryAfterMs?: number }
  | { readonly kind: 'server-error'; readonly status?: 500 | 502 | 503 }
  | { readonly kind: 'slow'; readonly delayMs: number }
  /** Any answer Discord gives instead of doing the change, e.g. 50013 or 10011. */
  | { readonly kind: 'discord-error'; readonly error: DiscordError };

export type Fault =
  | { readonly kind: 'none'; readonly delayMs: number }
  | { readonly kind: 'rate-limit'; readonly delayMs: number; readonly retryAfterMs: number }
  | { readonly kind: 'server-error'; readonly delayMs: number; readonly status: 500 | 502 | 503 }
  | { readonly kind: 'discord-error'; readonly delayMs: number; readonly error: DiscordError };

/** Draws faults from a seeded sequence: the same seed and call order give the same faults. */
export class FaultInjector {
  /** Replaceable while running (`setFailures`); the next call draws from the new rates. */
  rates: FailureRates;
  readonly #random: SeededRandom;
  // Boxed, so that withdrawing one caller's faults cannot take an equal fault of another's.
  readonly #script: { readonly fault: ScriptedFault }[] = [];

  readonly #now: () => number;
  #incidentUntil = 0;

  constructor(rates: FailureRates, seed: number, now: () => number = Date.now) {
    this.#now = now;
    this.rates = rates;
    this.#random = new SeededRandom(seed);
  }

  /**
   * Queues faults for the next calls, in order. Returns a function that withdraws those of
   * them no call has met yet and says how many that were.
   */
  script(faults: readonly ScriptedFault[]): () => number {
    const queued = faults.map((fault) => ({ fault }));
    this.#script.push(...queued);
    return () => {
      let withdrawn = 0;
      for (const entry of queued) {
        const index = this.#script.indexOf(entry);
        if (index === -1) continue;
        this.#script.splice(index, 1);
        withdrawn += 1;
      }
      return withdrawn;
    };
  }

  /** The fault for the next REST call. */
  next(): Fault {
    const scripted = this.#script.shift();
    if (scripted !== undefined) return fromScript(scripted.fault);
    const rates = this.rates;
    let delayMs = this.#between(rates.latencyMs);
    if (this.#random.chance(rates.slowRate)) delayMs += this.#between(rates.slowDelayMs);
    if (this.#random.chance(rates.rateLimitRate)) {
      return { kind: 'rate-limit', delayMs, retryAfterMs: rates.retryAfterMs };
    }
    if (this.#now() < this.#incidentUntil) return { kind: 'server-error', delayMs, status: 503 };
    if (this.#random.chance(rates.serverErrorRate)) {
      if (this.#random.chance(rates.incidentRate))
        this.#incidentUntil = this.#now() + rates.incidentMs;
      return { kind: 'server-error', delayMs, status: this.#random.pick([500, 502, 503] as const) };
    }
    return { kind: 'none', delayMs };
  }

  /** Network latency alone, for routes that meet no injected failures. */
  latency(): number {
    return this.#between(this.rates.latencyMs);
  }

  /** Whether this role change meets a role that was just moved above the bot. */
  hierarchyDrift(): boolean {
    return this.#random.chance(this.rates.hierarchyDriftRate);
  }

  #between([min, max]: readonly [number, number]): number {
    return max <= min ? min : this.#random.int(min, max);
  }
}

function fromScript(fault: ScriptedFault): Fault {
  switch (fault.kind) {
    case 'rate-limit':
      return { kind: 'rate-limit', delayMs: 0, retryAfterMs: fault.retryAfterMs ?? 100 };
    case 'server-error':
      return { kind: 'server-error', delayMs: 0, status: fault.status ?? 500 };
    case 'slow':
      return { kind: 'none', delayMs: fault.delayMs };
    case 'discord-error':
      return { kind: 'discord-error', delayMs: 0, error: fault.error };
  }
}

/**
 * Fills unspecified rates with none: a double fails only where the test asks
 * (`{ rateLimitRate: 0.1 }`, or DEMO_FAILURES for the demo's mix); `false` or nothing turns
 * every failure off. Throws a RangeError naming a field out of range.
 */
export function resolveFailureRates(
  failures: Partial<FailureRates> | false | undefined,
): FailureRates {
  if (failures === false) return NO_FAILURES;
  const rates = { ...NO_FAILURES, ...failures };
  for (const field of [
    'serverErrorRate',
    'incidentRate',
    'rateLimitRate',
    'slowRate',
    'hierarchyDriftRate',
  ] as const) {
    const value = rates[field];
    if (!(value >= 0 && value <= 1))
      throw new RangeError(`failures.${field} must be from 0 to 1, got ${value}`);
  }
  for (const field of ['retryAfterMs', 'hierarchyDriftMs', 'incidentMs'] as const) {
    const value = rates[field];
    if (!(value >= 0 && value <= MAX_DELAY_MS)) {
      throw new RangeError(`failures.${field} must be from 0 to ${MAX_DELAY_MS} ms, got ${value}`);
    }
  }
  for (const field of ['slowDelayMs', 'latencyMs'] as const) {
    const [min, max] = rates[field];
    if (!(min >= 0 && max >= min && max <= MAX_DELAY_MS)) {
      throw new RangeError(
        `failures.${field} must be [min, max] with 0 <= min <= max <= ${MAX_DELAY_MS} ms, got [${min}, ${max}]`,
      );
    }
  }
  return rates;
}
