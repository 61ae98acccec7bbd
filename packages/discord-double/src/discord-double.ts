import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { RecordedCall } from './call-log.js';
import { ChannelMessages } from './channel-messages.js';
import type { CommandCatalog } from './command-catalog.js';
import {
  buildComponentInteraction,
  buildModalSubmit,
  type ComponentRequest,
  type MessageHandle,
  type ModalRequest,
} from './component-interaction.js';
import { CONTROL_PREFIX, handleControl, NoBotConnected } from './control-api.js';
import { CONTROL_FAULTS, type ControlFault } from './control-faults.js';
import { defaultGuildFixture } from './default-guild.js';
import { answerWith, DISCORD_ERRORS } from './discord-errors.js';
import { discordRoutes } from './discord-routes.js';
import {
  type FailureRates,
  FaultInjector,
  resolveFailureRates,
  type ScriptedFault,
} from './fault-injector.js';
import { Gateway } from './gateway.js';
import type { GuildFixture } from './guild-fixture.js';
import { GuildState } from './guild-state.js';
import { HierarchyDrift } from './hierarchy-drift.js';
import { BodyTooLarge, readBody, redactPath, sendAnswer } from './http-exchange.js';
import {
  type BuiltInteraction,
  buildInteraction,
  type InteractionRequest,
  InvalidInteractionRequest,
  memberOf,
} from './interaction-payload.js';
import { InteractionRegistry, type InteractionResult } from './interaction-registry.js';
import type { MessagePayload } from './message-payload.js';
import { DEFAULT_RATE_LIMIT, RateLimitBuckets, type RateLimitPolicy } from './rate-limits.js';
import { RestApi } from './rest-api.js';
import { RestRouter } from './rest-router.js';
import { SnowflakeSource } from './snowflake.js';

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
  /** The guild the bot is in, as data. Default: a small generic guild (defaultGuildFixture). */
  readonly fixture?: GuildFixture;
  /** What registration told Discord about the bot's commands (User options, autocomplete). */
  readonly commands?: CommandCatalog;
  /** Seeds the failure sequence: one seed, one sequence. Default 1. */
  readonly seed?: number;
  /**
   * Random failure rates; unset fields are 0. Default: none, a test asks for what it wants
   * (`{ serverErrorRate: 0.1 }`, or DEMO_FAILURES for a demo's realistic mix).
   */
  readonly failures?: Partial<FailureRates> | false;
  /** Per-route rate limits announced in `x-ratelimit-*` headers. Default 10 per 2 s. */
  readonly rateLimit?: RateLimitPolicy;
  /** How long `sendInteraction` and `POST /_demo/interactions` wait for the bot. Default 5000 ms. */
  readonly callbackTimeoutMs?: number;
  /** Discord's limit for the first interaction answer. Default 3000 ms. */
  readonly callbackDeadlineMs?: number;
  /**
   * Record every REST call for the test to read in `calls`. Default false: a double that
   * runs for long (a demo) would otherwise hold every call it ever answered.
   */
  readonly recordCalls?: boolean;
  /** Calls kept while recording, oldest dropped first. Default 10000. */
  readonly maxRecordedCalls?: number;
  /**
   * Where the double says what it cannot serve: one line per call to a route it lacks, and
   * handler errors (never headers or bodies). Default: `console.warn`, on stderr.
   */
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
  /** The member interactions come from when a request names none: neither owner nor moderator. */
  readonly defaultUserId: string;
  /** The guild as it was created (unchanged by later calls). */
  readonly fixture: GuildFixture;
  /** The guild as it is now: roles, members, and admin-style changes for tests. */
  readonly guild: GuildState;
  /**
   * REST calls in arrival order, the latest `maxRecordedCalls` (control API and gateway
   * upgrades excluded). Throws unless the double was started with `recordCalls: true`.
   */
  readonly calls: readonly RecordedCall[];
  /** Forgets the calls recorded so far; throws unless recording. */
  clearCalls(): void;
  /** Replaces the rates; unset fields are 0, `false` turns every failure off. */
  setFailures(failures: Partial<FailureRates> | false): void;
  /** Fails the next rate-limited calls (role changes, role creation) as listed, ahead of the rates. */
  failNext(...faults: ScriptedFault[]): void;
  /** The channel's messages the bot sent (and edited, and did not delete), oldest first. */
  channelMessages(): readonly MessagePayload[];
  /** Drops the gateway connections as a network failure would; clients reconnect. */
  dropGatewayConnections(): void;
  /**
   * Sends one INTERACTION_CREATE (a slash command, an autocomplete keystroke, a click on a
   * button, a pick in a select menu, a modal submission) and resolves with the bot's answer.
   */
  sendInteraction(
    request: AnyInteractionRequest,
    options?: { readonly timeoutMs?: number },
  ): Promise<InteractionResult>;
  /** Closes gateway sessions, pending waits and the HTTP server. Stop clients first. */
  close(): Promise<void>;
}

const API_PREFIX = '/api/v10';

/** Anything a member can do that reaches the bot as an interaction. */
export type AnyInteractionRequest = InteractionRequest | ComponentRequest | ModalRequest;

/** Without a logger the warnings still reach the bot's author: one plain line each, on stderr. */
const STDERR_LOGGER: DoubleLogger = {
  info: () => {},
  warn: (fields, message) => console.warn(`${message} ${JSON.stringify(fields)}`),
};

/** Starts the double and resolves once it listens. */
export async function startDiscordDouble(
  options: DiscordDoubleOptions = {},
): Promise<DiscordDouble> {
  const host = options.host ?? '127.0.0.1';
  const seed = options.seed ?? 1;
  const logger = options.logger ?? STDERR_LOGGER;
  const fixture = options.fixture ?? defaultGuildFixture();
  const commands = options.commands ?? {};
  const token = botToken(fixture.botUser.id);
  const ids = new SnowflakeSource();
  const started = Date.now();
  const calls: RecordedCall[] = [];
  const faults = new FaultInjector(resolveFailureRates(options.failures), seed);
  const callbackTimeoutMs = options.callbackTimeoutMs ?? 5000;
  const recording = options.recordCalls ?? false;
  const maxRecordedCalls = options.maxRecordedCalls ?? 10_000;
  const recorded = (): RecordedCall[] => {
    if (!recording) throw new RecordingOff();
    return calls;
  };
  let gatewayUrl = '';

  // State changes go out over the gateway, which serves the state: closures tie the knot.
  const state = new GuildState(fixture, ids, (event, data) => gateway.dispatch(event, data));
  const gateway = new Gateway({
    token,
    state,
    gatewayUrl: () => gatewayUrl,
    onUnknownOpcode: (op) => logger.warn({ op }, 'Discord double: unknown gateway opcode'),
  });
  const interactions = new InteractionRegistry(fixture, ids, options.callbackDeadlineMs ?? 3000);
  const messages = new ChannelMessages(fixture, ids, (event, data) =>
    gateway.dispatch(event, data),
  );
  const drift = new HierarchyDrift(state, faults);
  const router = new RestRouter(
    API_PREFIX,
    discordRoutes({ state, interactions, messages, drift, ids, gatewayUrl: () => gatewayUrl }),
  );
  const api = new RestApi({
    router,
    token,
    faults,
    buckets: new RateLimitBuckets(options.rateLimit ?? DEFAULT_RATE_LIMIT),
    onUnservedRoute: (method, path) =>
      logger.warn({ method, path }, `Discord double: ${method} ${path} is not served`),
  });
  const defaultUserId = plainMember(fixture, state) ?? fixture.ownerId;

  /** What a member does, as INTERACTION_CREATE, and the message it acts on (components, modals). */
  const build = (
    request: AnyInteractionRequest,
    userId: string,
  ): BuiltInteraction & { readonly source?: MessageHandle | undefined } => {
    if ('command' in request) return buildInteraction(state, request, ids.next(), userId, commands);
    const member = memberOf(state, userId);
    if ('modal' in request) {
      const modal = interactions.shownModal(userId, request.modal);
      if (modal === undefined)
        throw new InvalidInteractionRequest(
          `the bot has shown member ${userId} no modal '${request.modal}' (left to submit)`,
        );
      const built = buildModalSubmit(state, request, ids.next(), member, modal);
      interactions.submitted(modal);
      return { ...built, source: modal.source };
    }
    const visible = [...messages.visibleMessages(), ...interactions.visibleMessages()].sort(
      (a, b) => (BigInt(a.message.id) < BigInt(b.message.id) ? 1 : -1),
    );
    return buildComponentInteraction(state, request, ids.next(), member, visible);
  };

  const sendInteraction = async (
    request: AnyInteractionRequest,
    sendOptions: { readonly timeoutMs?: number } = {},
  ): Promise<InteractionResult> => {
    if (gateway.readySessions === 0) throw new NoBotConnected();
    const built = build(request, request.userId ?? defaultUserId);
    interactions.register(built.id, built.token, built.type, built.user, built.source);
    const result = interactions.waitForResult(built.id, sendOptions.timeoutMs ?? callbackTimeoutMs);
    gateway.dispatchToOne('INTERACTION_CREATE', built.payload);
    return await result;
  };
  const control = {
    health: () => ({
      status: 'ok',
      guildId: state.id,
      botConnected: gateway.readySessions > 0,
      gatewaySessions: gateway.readySessions,
    }),
    send: async (
      request: InteractionRequest,
      timeoutMs: number | undefined,
      fault: ControlFault | undefined,
    ) => {
      const options = timeoutMs === undefined ? {} : { timeoutMs };
      if (fault === undefined) return sendInteraction(request, options);
      const script = CONTROL_FAULTS[fault];
      const withdraw = faults.script(script);
      try {
        const result = await sendInteraction(request, options);
        return { ...result, faultedCalls: script.length - withdraw() };
      } finally {
        // What no call met (no role change, or no answer) is left for no other command.
        withdraw();
      }
    },
  };

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://double.invalid');
    // discord.js percent-encodes `@` in `@original`; routes and records use the plain form.
    const path = url.pathname.replaceAll('%40', '@');
    const method = request.method ?? 'GET';
    try {
      const body = await readBody(request);
      if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)) {
        sendAnswer(response, await handleControl(control, method, path, body));
        return;
      }
      if (!router.owns(path)) {
        sendAnswer(response, api.unserved(method, path));
        return;
      }
      const call: RecordedCall = {
        method,
        path,
        query: url.search.replace(/^\?/, ''),
        headers: flattenHeaders(request.headers),
        body,
        status: 0,
        at: Date.now() - started,
      };
      if (recording) calls.push(call);
      if (calls.length > maxRecordedCalls) calls.splice(0, calls.length - maxRecordedCalls);
      const answer = await api.answer(call, url.searchParams, request.headers);
      call.status = answer.status;
      sendAnswer(response, answer);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        sendAnswer(response, answerWith(DISCORD_ERRORS.payloadTooLarge));
        return;
      }
      logger.warn(
        { method, path: redactPath(path), err: String(error) },
        'Discord double: handler failed',
      );
      sendAnswer(response, answerWith(DISCORD_ERRORS.internal));
    }
  });
  server.on('upgrade', (request, socket, head) => {
    const path = new URL(request.url ?? '/', 'http://double.invalid').pathname;
    if (path === '/gateway') gateway.handleUpgrade(request, socket, head);
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
    get calls() {
      return recorded();
    },
    clearCalls: () => {
      recorded().length = 0;
    },
    setFailures: (failures) => {
      faults.rates = resolveFailureRates(failures);
    },
    failNext: (...scripted) => faults.script(scripted),
    channelMessages: () => messages.list(),
    dropGatewayConnections: () => gateway.dropConnections(),
    sendInteraction,
    async close() {
      drift.close();
      interactions.close();
      gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A test read `calls` from a double that records none. */
export class RecordingOff extends Error {
  override readonly name = 'RecordingOff';
  constructor() {
    super('the double records no calls: start it with startDiscordDouble({ recordCalls: true })');
  }
}

const MODERATION = PermissionFlagsBits.ManageRoles | PermissionFlagsBits.Administrator;

/** The first member who is neither owner, bot nor moderator: whom interactions come from by default. */
function plainMember(fixture: GuildFixture, state: GuildState): string | undefined {
  return fixture.members.find(
    (m) =>
      m.user.id !== fixture.ownerId &&
      m.user.bot !== true &&
      (state.permissionsOf(m.user.id) & MODERATION) === 0n,
  )?.user.id;
}

/** Shaped like a real bot token (base64 user id, timestamp, HMAC) so clients parse it as one. */
function botToken(userId: string): string {
  const random = (bytes: number) => randomBytes(bytes).toString('base64url');
  return `${Buffer.from(userId).toString('base64url')}.${random(4)}.${random(27)}`;
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.join(', ') : (value ?? ''),
    ]),
  );
}
