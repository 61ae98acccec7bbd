import type { IncomingHttpHeaders } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RecordedCall } from './call-log.js';
import { answerWith, DISCORD_ERRORS, unservedRoute } from './discord-errors.js';
import type { FaultInjector } from './fault-injector.js';
import { redactPath } from './http-exchange.js';
import { type RateLimitBuckets, tooManyRequests } from './rate-limits.js';
import type { ApiAnswer, RestRouter } from './rest-router.js';

export interface RestApiOptions {
  readonly router: RestRouter;
  readonly token: string;
  readonly faults: FaultInjector;
  readonly buckets: RateLimitBuckets;
  /** Told of every call to a route the double does not serve (path redacted). */
  readonly onUnservedRoute: (method: string, path: string) => void;
}

const SERVER_ERRORS = {
  500: DISCORD_ERRORS.internal,
  502: DISCORD_ERRORS.badGateway,
  503: DISCORD_ERRORS.unavailable,
} as const;

/**
 * Answers one REST call as Discord would: route, bot auth, then for rate-limited routes
 * latency, injected failures and the bucket, then the handler. Marks injected failures on the call.
 */
export class RestApi {
  readonly #options: RestApiOptions;

  constructor(options: RestApiOptions) {
    this.#options = options;
  }

  async answer(
    call: RecordedCall,
    query: URLSearchParams,
    headers: IncomingHttpHeaders,
  ): Promise<ApiAnswer> {
    const { router, token, faults, buckets } = this.#options;
    const match = router.match(call.method, call.path);
    if (match.kind === 'wrong-method') return this.unserved(call.method, call.path, match.allowed);
    if (match.kind === 'none') return this.unserved(call.method, call.path);
    const { route, params } = match;
    if (route.botAuth && headers.authorization !== `Bot ${token}`) {
      return answerWith(DISCORD_ERRORS.unauthorized);
    }
    const request = {
      method: call.method,
      path: call.path,
      query,
      headers,
      body: call.body,
      params,
    };
    if (!route.limited) {
      await sleep(faults.latency());
      return route.handle(request);
    }

    const fault = faults.next();
    await sleep(fault.delayMs);
    // Buckets are per route and guild, as Discord's major parameter makes them.
    const bucket = `${route.method} ${route.template} ${params.guild ?? ''}`;
    if (fault.kind === 'rate-limit') {
      call.injected = 'rate-limit';
      return tooManyRequests(bucket, buckets.policy.limit, fault.retryAfterMs);
    }
    if (fault.kind === 'server-error') {
      call.injected = 'server-error';
      return answerWith(SERVER_ERRORS[fault.status]);
    }
    if (fault.kind === 'discord-error') {
      call.injected = 'discord-error';
      return answerWith(fault.error);
    }
    const verdict = buckets.take(bucket);
    if (verdict.exceeded) return verdict.answer;
    const answer = await route.handle(request);
    if (answer.injected !== undefined) call.injected = answer.injected;
    return { ...answer, headers: { ...verdict.headers, ...answer.headers } };
  }

  /** A call the double has no route for: one log line and a Discord-shaped error naming it. */
  unserved(method: string, path: string, allowed: readonly string[] = []): ApiAnswer {
    const redacted = redactPath(path);
    this.#options.onUnservedRoute(method, redacted);
    return answerWith(unservedRoute(method, redacted, allowed));
  }
}
