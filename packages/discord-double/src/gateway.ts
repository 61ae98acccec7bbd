import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { GatewayCloseCodes, GatewayOpcodes } from 'discord-api-types/v10';
import { type WebSocket, WebSocketServer } from 'ws';
import { guildCreatePayload } from './guild-payload.js';
import type { GuildState } from './guild-state.js';

/** Discord's own heartbeat interval. */
const HEARTBEAT_INTERVAL_MS = 41_250;

interface Session {
  readonly socket: WebSocket;
  readonly id: string;
  sequence: number;
  ready: boolean;
}

interface GatewayPayload {
  readonly op: number;
  readonly d?: unknown;
}

export interface GatewayOptions {
  readonly token: string;
  readonly state: GuildState;
  /** The URL discord.js resumes at; the double's own gateway URL. */
  readonly gatewayUrl: () => string;
  readonly onUnknownOpcode?: (op: number) => void;
}

/**
 * The gateway: HELLO, IDENTIFY, READY with the application, one GUILD_CREATE with roles and
 * members, heartbeat ACKs, member chunks on request, and dispatches to every ready session.
 */
export class Gateway {
  readonly #server = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  readonly #sessions = new Set<Session>();
  readonly #options: GatewayOptions;

  constructor(options: GatewayOptions) {
    this.#options = options;
  }

  /** Sessions that have identified and received READY. */
  get readySessions(): number {
    return [...this.#sessions].filter((s) => s.ready).length;
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.#server.handleUpgrade(request, socket, head, (ws) => this.#open(ws));
  }

  /** Sends a dispatch to every ready session (each client keeps its own cache). */
  dispatch(event: string, data: object): void {
    for (const session of this.#sessions) {
      if (session.ready) this.#send(session, { op: GatewayOpcodes.Dispatch, t: event, d: data });
    }
  }

  /** Sends one dispatch to the first ready session: one bot handles each interaction. */
  dispatchToOne(event: string, data: object): void {
    const session = [...this.#sessions].find((s) => s.ready);
    if (session !== undefined)
      this.#send(session, { op: GatewayOpcodes.Dispatch, t: event, d: data });
  }

  /** Drops every connection without a close frame, as a network failure would. */
  dropConnections(): void {
    for (const session of this.#sessions) session.socket.terminate();
    this.#sessions.clear();
  }

  close(): void {
    this.dropConnections();
    this.#server.close();
  }

  #open(socket: WebSocket): void {
    const session: Session = {
      socket,
      id: randomBytes(16).toString('hex'),
      sequence: 0,
      ready: false,
    };
    this.#sessions.add(session);
    socket.on('close', () => this.#sessions.delete(session));
    socket.on('error', () => this.#sessions.delete(session));
    socket.on('message', (data, isBinary) => {
      let payload: GatewayPayload;
      try {
        payload = JSON.parse(isBinary ? Buffer.from(data as Buffer).toString() : data.toString());
      } catch {
        socket.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
        return;
      }
      this.#receive(session, payload);
    });
    this.#send(session, {
      op: GatewayOpcodes.Hello,
      d: { heartbeat_interval: HEARTBEAT_INTERVAL_MS },
    });
  }

  #receive(session: Session, payload: GatewayPayload): void {
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        this.#send(session, { op: GatewayOpcodes.HeartbeatAck });
        return;
      case GatewayOpcodes.Identify:
        this.#identify(session, payload.d as { token?: unknown });
        return;
      case GatewayOpcodes.Resume:
        // Sessions do not survive here: tell the client to identify again.
        this.#send(session, { op: GatewayOpcodes.InvalidSession, d: false });
        return;
      case GatewayOpcodes.RequestGuildMembers:
        this.#memberChunk(session, payload.d as MemberRequest);
        return;
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
        return;
      default:
        this.#options.onUnknownOpcode?.(payload.op);
        session.socket.close(GatewayCloseCodes.UnknownOpcode, 'Unknown opcode.');
    }
  }

  #identify(session: Session, data: { token?: unknown } | undefined): void {
    if (session.ready) {
      session.socket.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
      return;
    }
    const token = typeof data?.token === 'string' ? data.token.replace(/^Bot /, '') : '';
    if (token !== this.#options.token) {
      session.socket.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
      return;
    }
    const { state } = this.#options;
    const { fixture } = state;
    session.ready = true;
    this.#send(session, {
      op: GatewayOpcodes.Dispatch,
      t: 'READY',
      d: {
        v: 10,
        user: fixture.botUser,
        guilds: [{ id: state.id, unavailable: true }],
        session_id: session.id,
        resume_gateway_url: this.#options.gatewayUrl(),
        shard: [0, 1],
        application: { id: fixture.applicationId, flags: 0 },
        private_channels: [],
        user_settings: {},
        relationships: [],
        presences: [],
        guild_join_requests: [],
        geo_ordered_rtc_regions: [],
      },
    });
    this.#send(session, {
      op: GatewayOpcodes.Dispatch,
      t: 'GUILD_CREATE',
      d: guildCreatePayload(state),
    });
  }

  #memberChunk(session: Session, request: MemberRequest): void {
    const { state } = this.#options;
    const query = (request.query ?? '').toLowerCase();
    const wanted = request.user_ids === undefined ? undefined : new Set([request.user_ids].flat());
    const members = state
      .members()
      .filter((m) =>
        wanted === undefined
          ? m.user.username.toLowerCase().startsWith(query)
          : wanted.has(m.user.id),
      )
      .slice(0, request.limit && request.limit > 0 ? request.limit : undefined);
    this.#send(session, {
      op: GatewayOpcodes.Dispatch,
      t: 'GUILD_MEMBERS_CHUNK',
      d: {
        guild_id: state.id,
        members,
        chunk_index: 0,
        chunk_count: 1,
        ...(request.nonce === undefined ? {} : { nonce: request.nonce }),
      },
    });
  }

  #send(session: Session, payload: { op: number; t?: string; d?: unknown }): void {
    if (session.socket.readyState !== session.socket.OPEN) return;
    const frame =
      payload.op === GatewayOpcodes.Dispatch
        ? { op: payload.op, t: payload.t, s: ++session.sequence, d: payload.d }
        : { op: payload.op, t: null, s: null, d: payload.d ?? null };
    session.socket.send(JSON.stringify(frame));
  }
}

interface MemberRequest {
  readonly guild_id: string;
  readonly query?: string;
  readonly limit?: number;
  readonly user_ids?: string | string[];
  readonly nonce?: string;
}
