import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createGuildFixture, type GuildFixture } from '../fixture/guild-fixture.js';
import { SnowflakeSource } from '../snowflake.js';
import type { RecordedCall } from './call-log.js';
import { CONTROL_PREFIX, handleControl, NoBotConnected } from './control-api.js';
import { DISCORD_ERRORS } from './discord-errors.js';
import { discordRoutes } from './discord-routes.js';
import {
  type FailureRates,
  FaultInjector,
  resolveFailureRates,
  type ScriptedFault,
} from './fault-injector.js';
import { Gateway } from './gateway.js';
import { GuildState } from './guild-state.js';
import { HierarchyDrift } from './hierarchy-drift.js';
import { buildInteraction, type InteractionRequest } from './interaction-payload.js';
import { InteractionRegistry, type InteractionResult } from './interaction-registry.js';
import {
  DEFAULT_RATE_LIMIT,
  RateLimitBuckets,
  type RateLimitPolicy,
  tooManyRequests,
} from './rate-limits.js';
import { type ApiAnswer, RestRouter } from './rest-router.js';

/** The subset of a pino logger the double writes to. */
export interface DoubleLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export interface DiscordDoubleOptions {
  /** Interface to listen on. Default 127.0.0.1; containers pass 0.0.0.0. */
  readonly host?: string;
  /** Port for REST, gateway and control API. Default 0: an ephemeral port. */
  readonly port?: number;
  /** Seeds the guild and the failure sequence: one seed, one guild, one sequence. Default 1. */
  readonly seed?: number;
  /** Injected failures; default DEMO_FAILURES. `false` (or NO_FAILURES) turns them off. */
  readonly failures?: Partial<FailureRates> | false;
  /** Per-route rate limits announced in `x-ratelimit-*` headers. Default 10 per 10 s. */
  readonly rateLimit?: RateLimitPolicy;
  /** How long `sendInteraction` and `POST /_demo/interactions` wait for the bot. Default 5000 ms. */
  readonly callbackTimeoutMs?: number;
  /** Discord's limit for the first interaction answer. Default 3000 ms. */
  readonly callbackDeadlineMs?: number;
  /** Logs unknown routes and handler errors (never headers or bodies). Default: silent. */
  readonly logger?: DoubleLogger;
}

/** A running Discord double: point discord.js at `apiUrl`, log in with `token`. */
export interface DiscordDouble {
  /** e.g. `http://127.0.0.1:41234`; the control API is under `${baseUrl}/_demo`. */
  readonly baseUrl: string;
  /** For `new Client({ rest: { api: double.apiUrl } })`: `${baseUrl}/api`. */
  readonly apiUrl: string;
  /** What `GET /gateway/bot` hands out: `ws://host:port/gateway`. */
  readonly gatewayUrl: string;
  /** The bot token the double accepts (REST `Authorization: Bot <token>` and IDENTIFY). */
  readonly token: string;
  readonly guildId: string;
  readonly applicationId: string;
  readonly botUserId: string;
  /** The member interactions come from when a request names none: a plain member, no special roles. */
  readonly defaultUserId: string;
  /** The guild as it was created (unchanged by later calls). */
  readonly fixture: GuildFixture;
  /** The guild as it is now: roles, members, and admin-style changes for tests. */
  readonly guild: GuildState;
  /** Every REST call in arrival order (control API and gateway upgrades excluded). */
  readonly calls: readonly RecordedCall[];
  clearCalls(): void;
  setFailures(failures: Partial<FailureRates> | false): void;
  /** Fails the next role/member REST calls as listed, whatever the rates say (for tests). */
  failNext(...faults: ScriptedFault[]): void;
  /** Sends one INTERACTION_CREATE and resolves with the bot's answer. */
  sendInteraction(
    request: InteractionRequest,
    options?: { readonly timeoutMs?: number },
  ): Promise<InteractionResult>;
  /** Closes gateway sessions, pending waits and the HTTP server. Stop clients first. */
  close(): Promise<void>;
}

const API_PREFIX = '/api/v10';
const MAX_BODY_BYTES = 1024 * 1024;

/** Starts the double and resolves once it listens. */
export async function startDiscordDouble(
  options: DiscordDoubleOptions = {},
): Promise<DiscordDouble> {
  const host = options.host ?? '127.0.0.1';
  const seed = options.seed ?? 1;
  const logger = options.logger;
  const fixture = createGuildFixture(seed);
  const token = botToken(fixture.botUser.id);
  const ids = new SnowflakeSource();
  const started = Date.now();
  const calls: RecordedCall[] = [];
  const faults = new FaultInjector(resolveFailureRates(options.failures), seed);
  const buckets = new RateLimitBuckets(options.rateLimit ?? DEFAULT_RATE_LIMIT);
  const callbackTimeoutMs = options.callbackTimeoutMs ?? 5000;

  let gatewayUrl = '';
  // The gateway needs the state and the state dispatches through the gateway.
  let gateway: Gateway | undefined;
  const state = new GuildState(fixture, ids, (event, data) => gateway?.dispatch(event, data));
  gateway = new Gateway({
    token,
    state,
    gatewayUrl: () => gatewayUrl,
    onUnknownOpcode: (op) => logger?.warn({ op }, 'Discord double: unknown gateway opcode'),
  });
  const interactions = new InteractionRegistry(fixture, ids, options.callbackDeadlineMs ?? 3000);
  const drift = new HierarchyDrift(state, faults);
  const router = new RestRouter(
    API_PREFIX,
    discordRoutes({ state, interactions, drift, ids, gatewayUrl: () => gatewayUrl }),
  );
  const defaultUserId = (fixture.members[4] ?? fixture.members[0])?.user.id ?? fixture.ownerId;

  const sendInteraction = (
    request: InteractionRequest,
    sendOptions: { readonly timeoutMs?: number } = {},
  ): Promise<InteractionResult> => {
    if (gateway === undefined || gateway.readySessions === 0)
      return Promise.reject(new NoBotConnected());
    const userId = request.userId ?? defaultUserId;
    const built = buildInteraction(state, request, ids.next(), userId);
    const user = state.member(userId)?.user;
    if (user === undefined) return Promise.reject(new Error(`no member ${userId}`));
    interactions.register(built.id, built.token, request.autocomplete ? 4 : 2, user);
    const result = interactions.waitForResult(built.id, sendOptions.timeoutMs ?? callbackTimeoutMs);
    gateway.dispatchToOne('INTERACTION_CREATE', built.payload);
    return result;
  };

  async function answerApi(
    call: RecordedCall,
    url: URL,
    request: IncomingMessage,
  ): Promise<ApiAnswer> {
    const match = router.match(call.method, url.pathname);
    if (match.kind === 'wrong-method') return discordError(DISCORD_ERRORS.methodNotAllowed);
    if (match.kind === 'none') {
      logger?.warn(
        { method: call.method, path: redactPath(url.pathname) },
        'Discord double: unknown route',
      );
      return discordError(DISCORD_ERRORS.notFound);
    }
    const { route, params } = match;
    if (route.botAuth && request.headers.authorization !== `Bot ${token}`) {
      return discordError(DISCORD_ERRORS.unauthorized);
    }
    const apiRequest = {
      method: call.method,
      path: url.pathname,
      query: url.searchParams,
      headers: request.headers,
      body: call.body,
      params,
    };
    if (!route.limited) {
      await sleep(faults.latency());
      return route.handle(apiRequest);
    }
    const fault = faults.next();
    await sleep(fault.delayMs);
    // Buckets are per route and guild, as Discord's major parameter makes them.
    const bucket = `${route.method} ${route.template} ${params.guild ?? ''}`;
    if (fault.kind === 'rate-limit') {
      call.injected = 'rate-limit';
      return tooManyRequests(
        bucket,
        options.rateLimit?.limit ?? DEFAULT_RATE_LIMIT.limit,
        fault.retryAfterMs,
      );
    }
    if (fault.kind === 'server-error') {
      call.injected = 'server-error';
      const error = {
        500: DISCORD_ERRORS.internal,
        502: DISCORD_ERRORS.badGateway,
        503: DISCORD_ERRORS.unavailable,
      }[fault.status];
      return discordError(error);
    }
    const verdict = buckets.take(bucket);
    if (verdict.exceeded) {
      const retryAfterMs = Number(verdict.headers['x-ratelimit-reset-after']) * 1000;
      return tooManyRequests(
        bucket,
        options.rateLimit?.limit ?? DEFAULT_RATE_LIMIT.limit,
        retryAfterMs,
      );
    }
    const answer = await route.handle(apiRequest);
    if (answer.injected !== undefined) call.injected = answer.injected;
    return { ...answer, headers: { ...verdict.headers, ...answer.headers } };
  }

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://double.invalid');
    const method = request.method ?? 'GET';
    let body: unknown;
    try {
      body = await readBody(request);
    } catch {
      send(response, { status: 413, body: { message: '413: Request Entity Too Large', code: 0 } });
      return;
    }
    try {
      if (url.pathname === CONTROL_PREFIX || url.pathname.startsWith(`${CONTROL_PREFIX}/`)) {
        send(
          response,
          await handleControl(
            { health, send: (r, t) => sendInteraction(r, t === undefined ? {} : { timeoutMs: t }) },
            method,
            url.pathname,
            body,
          ),
        );
        return;
      }
      if (!router.owns(url.pathname)) {
        send(response, discordError(DISCORD_ERRORS.notFound));
        return;
      }
      const call: RecordedCall = {
        method,
        path: url.pathname,
        query: url.search.replace(/^\?/, ''),
        headers: Object.fromEntries(
          Object.entries(request.headers).map(([name, value]) => [
            name,
            Array.isArray(value) ? value.join(', ') : (value ?? ''),
          ]),
        ),
        body,
        status: 0,
        at: Date.now() - started,
      };
      calls.push(call);
      const answer = await answerApi(call, url, request);
      call.status = answer.status;
      send(response, answer);
    } catch (error) {
      logger?.warn(
        { method, path: redactPath(url.pathname), err: String(error) },
        'Discord double: handler failed',
      );
      send(response, discordError(DISCORD_ERRORS.internal));
    }
  });
  server.on('upgrade', (request, socket, head) => {
    const path = new URL(request.url ?? '/', 'http://double.invalid').pathname;
    if (path === '/gateway' && gateway !== undefined) gateway.handleUpgrade(request, socket, head);
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  // Clients on this machine reach a wildcard bind through loopback.
  const reachable =
    host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const baseUrl = `http://${reachable}:${port}`;
  gatewayUrl = `ws://${reachable}:${port}/gateway`;

  function health(): object {
    const sessions = gateway?.readySessions ?? 0;
    return {
      status: 'ok',
      guildId: state.id,
      botConnected: sessions > 0,
      gatewaySessions: sessions,
    };
  }

  return {
    baseUrl,
    apiUrl: `${baseUrl}/api`,
    gatewayUrl,
    token,
    guildId: fixture.guildId,
    applicationId: fixture.applicationId,
    botUserId: fixture.botUser.id,
    defaultUserId,
    fixture,
    guild: state,
    calls,
    clearCalls: () => {
      calls.length = 0;
    },
    setFailures: (failures) => {
      faults.rates = resolveFailureRates(failures);
    },
    failNext: (...scripted) => faults.script(scripted),
    sendInteraction,
    async close() {
      drift.close();
      interactions.close();
      gateway?.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Shaped like a real bot token (base64 user id, timestamp, HMAC) so clients parse it as one. */
function botToken(userId: string): string {
  return `${Buffer.from(userId).toString('base64url')}.${randomBytes(4).toString('base64url')}.${randomBytes(27).toString('base64url')}`;
}

function discordError(error: { readonly status: number; readonly body: object }): ApiAnswer {
  return { status: error.status, body: error.body };
}

/** Path segments that look like interaction or webhook tokens never reach logs. */
function redactPath(path: string): string {
  return path.replace(/[A-Za-z0-9_-]{40,}/g, ':token');
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new RangeError('body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function send(response: ServerResponse, answer: ApiAnswer): void {
  const headers: Record<string, string> = { ...answer.headers };
  if (answer.status === 204 || answer.body === undefined) {
    response.writeHead(answer.status, headers).end();
    return;
  }
  headers['content-type'] = 'application/json';
  response.writeHead(answer.status, headers).end(JSON.stringify(answer.body));
}
