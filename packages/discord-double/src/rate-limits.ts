import { createHash } from 'node:crypto';
import type { ApiAnswer } from './rest-router.js';

export interface RateLimitPolicy {
  /** Requests per bucket per window; Discord's per-route limits are of this order. */
  readonly limit: number;
  readonly windowMs: number;
}

/**
 * Default: 10 requests per 2 s per route and guild. A decision, not Discord's published
 * number (it has none for these routes): demo traffic up to about 20 interactions/s makes
 * about 4 role changes/s, so bursts queue in discord.js (and show as rate-limit events)
 * while the backlog stays bounded; a stricter limit would grow the queue without end.
 */
export const DEFAULT_RATE_LIMIT: RateLimitPolicy = { limit: 10, windowMs: 2_000 };

/** The headers for an allowed request, or the 429 for one over the limit. */
export type RateLimitVerdict =
  | { readonly exceeded: false; readonly headers: Record<string, string> }
  | { readonly exceeded: true; readonly answer: ApiAnswer };

interface Window {
  readonly startedAt: number;
  used: number;
}

/**
 * Per-route fixed-window buckets with Discord's `x-ratelimit-*` headers on every answer,
 * so discord.js learns the limits and queues requests itself before it would hit a 429.
 */
export class RateLimitBuckets {
  readonly policy: RateLimitPolicy;
  readonly #windows = new Map<string, Window>();

  constructor(policy: RateLimitPolicy) {
    this.policy = policy;
  }

  /** Counts one request against `bucket` (a route template plus its guild). */
  take(bucket: string, now = Date.now()): RateLimitVerdict {
    const { limit, windowMs } = this.policy;
    let window = this.#windows.get(bucket);
    if (window === undefined || now - window.startedAt >= windowMs) {
      window = { startedAt: now, used: 0 };
      this.#windows.set(bucket, window);
    }
    const resetAfterMs = Math.max(0, window.startedAt + windowMs - now);
    if (window.used >= limit) {
      return { exceeded: true, answer: tooManyRequests(bucket, limit, resetAfterMs) };
    }
    window.used += 1;
    return {
      exceeded: false,
      headers: rateLimitHeaders(bucket, limit, limit - window.used, resetAfterMs),
    };
  }
}

/** The headers Discord sends with every rate-limited route's answer. */
function rateLimitHeaders(
  bucket: string,
  limit: number,
  remaining: number,
  resetAfterMs: number,
): Record<string, string> {
  return {
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-reset': ((Date.now() + resetAfterMs) / 1000).toFixed(3),
    'x-ratelimit-reset-after': (resetAfterMs / 1000).toFixed(3),
    'x-ratelimit-bucket': createHash('sha1').update(bucket).digest('hex').slice(0, 32),
  };
}

/** A 429 as Discord sends it: `retry-after` in seconds, the bucket exhausted, a JSON body. */
export function tooManyRequests(bucket: string, limit: number, retryAfterMs: number): ApiAnswer {
  const seconds = retryAfterMs / 1000;
  return {
    status: 429,
    headers: {
      ...rateLimitHeaders(bucket, limit, 0, retryAfterMs),
      'retry-after': seconds.toFixed(3),
      'x-ratelimit-scope': 'user',
    },
    body: { message: 'You are being rate limited.', retry_after: seconds, global: false },
  };
}
