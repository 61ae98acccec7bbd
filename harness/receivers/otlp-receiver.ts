import {
  type handleUnaryCall,
  Server,
  ServerCredentials,
  type ServiceDefinition,
} from '@grpc/grpc-js';
import { WireMessage } from './protobuf-wire.js';

export type Attributes = Record<string, unknown>;

export interface ReceivedSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string;
  readonly name: string;
  /** OTLP SpanKind: 1 internal, 2 server, 3 client. */
  readonly kind: number;
  readonly attributes: Attributes;
  /** OTLP status code: 0 unset, 1 ok, 2 error. */
  readonly status: number;
  readonly events: readonly string[];
  readonly scope: string;
  readonly resource: Attributes;
}

export interface ReceivedPoint {
  readonly attributes: Attributes;
  readonly value?: number;
  readonly count?: number;
  readonly sum?: number;
  readonly bounds?: readonly number[];
}

export interface ReceivedMetric {
  readonly name: string;
  readonly unit: string;
  readonly type: 'gauge' | 'sum' | 'histogram' | 'other';
  readonly points: readonly ReceivedPoint[];
  readonly scope: string;
  readonly resource: Attributes;
}

export interface ReceivedLog {
  readonly traceId: string;
  readonly spanId: string;
  readonly severityText: string;
  readonly body: unknown;
  readonly attributes: Attributes;
  readonly scope: string;
  readonly resource: Attributes;
}

function anyValue(value: WireMessage | undefined): unknown {
  if (value === undefined) return undefined;
  if (value.has(1)) return value.string(1);
  if (value.has(2)) return value.int(2) !== 0;
  if (value.has(3)) return value.int(3);
  if (value.has(4)) return value.double(4);
  if (value.has(5)) return value.message(5)?.messages(1).map(anyValue) ?? [];
  if (value.has(6)) return attributes(value.message(6), 1);
  if (value.has(7)) return value.hex(7);
  return undefined;
}

function attributes(message: WireMessage | undefined, field: number): Attributes {
  return Object.fromEntries(
    (message?.messages(field) ?? []).map((pair) => [pair.string(1), anyValue(pair.message(2))]),
  );
}

/** Walks resource -> scope -> items, the same shape for all three signals. */
function* scoped(request: WireMessage): Generator<[Attributes, string, WireMessage[]]> {
  for (const resourceItems of request.messages(1)) {
    const resource = attributes(resourceItems.message(1), 1);
    for (const scopeItems of resourceItems.messages(2)) {
      yield [resource, scopeItems.message(1)?.string(1) ?? '', scopeItems.messages(2)];
    }
  }
}

function decodeSpans(request: WireMessage): ReceivedSpan[] {
  return [...scoped(request)].flatMap(([resource, scope, spans]) =>
    spans.map((span) => ({
      traceId: span.hex(1),
      spanId: span.hex(2),
      parentSpanId: span.hex(4),
      name: span.string(5),
      kind: span.int(6),
      attributes: attributes(span, 9),
      status: span.message(15)?.int(3) ?? 0,
      events: span.messages(11).map((event) => event.string(2)),
      scope,
      resource,
    })),
  );
}

function numberPoint(point: WireMessage): ReceivedPoint {
  return {
    attributes: attributes(point, 7),
    value: point.has(4) ? point.double(4) : Number(point.fixed64(6)),
  };
}

function histogramPoint(point: WireMessage): ReceivedPoint {
  return {
    attributes: attributes(point, 9),
    count: Number(point.fixed64(4)),
    sum: point.double(5),
    bounds: point.packed64(7, 'double'),
  };
}

function decodeMetrics(request: WireMessage): ReceivedMetric[] {
  return [...scoped(request)].flatMap(([resource, scope, metrics]) =>
    metrics.map((metric) => {
      const [type, points]: [ReceivedMetric['type'], ReceivedPoint[]] = metric.has(5)
        ? ['gauge', metric.message(5)?.messages(1).map(numberPoint) ?? []]
        : metric.has(7)
          ? ['sum', metric.message(7)?.messages(1).map(numberPoint) ?? []]
          : metric.has(9)
            ? ['histogram', metric.message(9)?.messages(1).map(histogramPoint) ?? []]
            : ['other', []];
      return { name: metric.string(1), unit: metric.string(3), type, points, scope, resource };
    }),
  );
}

function decodeLogs(request: WireMessage): ReceivedLog[] {
  return [...scoped(request)].flatMap(([resource, scope, records]) =>
    records.map((record) => ({
      traceId: record.hex(9),
      spanId: record.hex(10),
      severityText: record.string(3),
      body: anyValue(record.message(5)),
      attributes: attributes(record, 6),
      scope,
      resource,
    })),
  );
}

function exportService(service: string): ServiceDefinition {
  const identity = (bytes: Buffer) => bytes;
  return {
    Export: {
      path: `/opentelemetry.proto.collector.${service}/Export`,
      requestStream: false,
      responseStream: false,
      requestSerialize: identity,
      requestDeserialize: identity,
      responseSerialize: identity,
      responseDeserialize: identity,
    },
  };
}

/** Export requests as received, decoded only when read. */
class Signal<T> {
  readonly #raw: Buffer[] = [];
  readonly #decoded: T[] = [];

  constructor(private readonly decode: (request: WireMessage) => T[]) {}

  receive(request: Buffer): void {
    this.#raw.push(request);
  }

  get items(): T[] {
    for (const request of this.#raw.splice(0)) {
      this.#decoded.push(...this.decode(WireMessage.decode(request)));
    }
    return this.#decoded;
  }

  clear(): void {
    this.#raw.length = 0;
    this.#decoded.length = 0;
  }
}

/**
 * An OTLP/gRPC receiver on 127.0.0.1 for tests and the bench: what a collector would
 * accept, decoded. Decoding waits until the items are read, so that a receiver in the
 * bench's process takes little CPU from the bot it measures while the load runs.
 * `stop()` and `start()` again on the same port simulate a backend outage.
 */
export class OtlpReceiver {
  readonly #spans = new Signal(decodeSpans);
  readonly #metrics = new Signal(decodeMetrics);
  readonly #logs = new Signal(decodeLogs);
  #server: Server | undefined;
  #port = 0;

  get spans(): readonly ReceivedSpan[] {
    return this.#spans.items;
  }

  get metrics(): readonly ReceivedMetric[] {
    return this.#metrics.items;
  }

  get logs(): readonly ReceivedLog[] {
    return this.#logs.items;
  }

  get endpoint(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  get port(): number {
    return this.#port;
  }

  /** `host`: the interface to listen on; 0.0.0.0 inside a container, for its network. */
  async start(port = this.#port, host = '127.0.0.1'): Promise<this> {
    const server = new Server();
    const handler =
      <T>(signal: Signal<T>): handleUnaryCall<Buffer, Buffer> =>
      (call, callback) => {
        signal.receive(call.request);
        // An empty ExportXServiceResponse: full success.
        callback(null, Buffer.alloc(0));
      };
    server.addService(exportService('trace.v1.TraceService'), {
      Export: handler(this.#spans),
    });
    server.addService(exportService('metrics.v1.MetricsService'), {
      Export: handler(this.#metrics),
    });
    server.addService(exportService('logs.v1.LogsService'), {
      Export: handler(this.#logs),
    });
    const bind = () =>
      new Promise<number>((resolve, reject) =>
        server.bindAsync(`${host}:${port}`, ServerCredentials.createInsecure(), (error, bound) =>
          error ? reject(error) : resolve(bound),
        ),
      );
    // A restart on the same port (an outage's end) can find the old socket not yet released.
    for (let attempt = 1; ; attempt++) {
      try {
        this.#port = await bind();
        break;
      } catch (error) {
        if (port === 0 || attempt >= 30 || !String(error).includes('EADDRINUSE')) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    this.#server = server;
    return this;
  }

  stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (server === undefined) return Promise.resolve();
    server.forceShutdown();
    return Promise.resolve();
  }

  clear(): void {
    this.#spans.clear();
    this.#metrics.clear();
    this.#logs.clear();
  }
}
