import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { WireMessage } from './protobuf-wire.js';

/** One `POST /ingest` as Pyroscope would read it. */
export interface ReceivedProfile {
  /** The query string: name, from, until, format, spyName, sampleRate. */
  readonly query: Readonly<Record<string, string>>;
  /** The application name before `{`. */
  readonly service: string;
  /** The labels inside `{...}` of the name. */
  readonly labels: Readonly<Record<string, string>>;
  /** `type:unit` of each sample type (pprof Profile.sample_type). */
  readonly sampleTypes: readonly string[];
  /** `type:unit` of Profile.period_type. */
  readonly periodType: string;
  readonly samples: number;
}

/**
 * The profile type ids Pyroscope stores an upload under, one per sample type, named as
 * grafana/pyroscope v2.2.1 names pprof uploads (pkg/og/convert/pprof/profile.go,
 * metricName): "wall" when a sample type is wall, "memory" for objects/space types.
 */
export function profileTypeIds(profile: ReceivedProfile): string[] {
  const types = profile.sampleTypes.map((type) => type.split(':')[0] ?? '');
  const name = types.includes('wall')
    ? 'wall'
    : types.some((type) => /^(objects|space)$|alloc_|inuse_/.test(type))
      ? 'memory'
      : (types.at(-1) ?? '');
  return profile.sampleTypes.map((type) => `${name}:${type}:${profile.periodType}`);
}

/** `roboshpee{a=b,c=d}` as Pyroscope's ingest API reads it. */
function parseName(name: string): { service: string; labels: Record<string, string> } {
  const open = name.indexOf('{');
  if (open < 0 || !name.endsWith('}')) return { service: name, labels: {} };
  const inner = name.slice(open + 1, -1);
  const labels = Object.fromEntries(
    inner
      .split(',')
      .filter((pair) => pair !== '')
      .map((pair) => pair.split('=') as [string, string]),
  );
  return { service: name.slice(0, open), labels };
}

/** google/pprof profile.proto: sample_type 1, sample 2, string_table 6, period_type 11. */
function decodeProfile(gzipped: Buffer) {
  const profile = WireMessage.decode(gunzipSync(gzipped));
  const strings = profile.strings(6);
  const valueType = (message: WireMessage | undefined) =>
    message === undefined ? '' : `${strings[message.int(1)]}:${strings[message.int(2)]}`;
  return {
    sampleTypes: profile.messages(1).map(valueType),
    periodType: valueType(profile.message(11)),
    samples: profile.messages(2).length,
  };
}

/**
 * A loopback stand-in for Pyroscope's ingest API (as Alloy's pyroscope.receive_http serves
 * it): records each upload. `answer: 'never'` holds every request open, as a hung backend.
 */
export class PyroscopeReceiver {
  readonly profiles: ReceivedProfile[] = [];
  /** Requests received, answered or not. */
  requests = 0;
  #server: Server | undefined;
  readonly #held: ServerResponse[] = [];

  constructor(private readonly answer: 'ok' | 'never' = 'ok') {}

  get endpoint(): string {
    return `http://127.0.0.1:${(this.#server?.address() as AddressInfo | null)?.port ?? 0}`;
  }

  async start(): Promise<this> {
    const server = createServer((request, response) => void this.#handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.#server = server;
    return this;
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    this.requests += 1;
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    if (this.answer === 'never') {
      this.#held.push(response);
      return;
    }
    const url = new URL(request.url ?? '/', 'http://receiver');
    if (request.method !== 'POST' || url.pathname !== '/ingest') {
      response.writeHead(404).end();
      return;
    }
    const query = Object.fromEntries(url.searchParams);
    this.profiles.push({
      query,
      ...parseName(query.name ?? ''),
      ...decodeProfile(Buffer.concat(chunks)),
    });
    response.writeHead(200).end();
  }

  async stop(): Promise<void> {
    for (const response of this.#held.splice(0)) response.destroy();
    const server = this.#server;
    this.#server = undefined;
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}
