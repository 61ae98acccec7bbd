import { context, ROOT_CONTEXT } from '@opentelemetry/api';
import type { ExportEndpoints } from '../config/telemetry-config.js';
import type { DeliveryReporter, Signal } from './delivery-health.js';

/** The part of a pino logger the telemetry log writes with. */
export interface LineWriter {
  warn(fields: object, message: string): void;
  info(fields: object, message: string): void;
}

/** Where a signal is exported to, without credentials a URL might carry. */
export function withoutCredentials(raw: string): string {
  try {
    const url = new URL(raw);
    url.username = '';
    url.password = '';
    return url.toString();
  } catch {
    return raw;
  }
}

/**
 * The telemetry's own log lines: an outage once when it starts, once when it ends. The
 * writer is attached after the SDK has started (so that its lines are log records too);
 * nothing is exported before then, so nothing is missed.
 */
export class TelemetryLog implements DeliveryReporter {
  #writer: LineWriter | undefined;
  readonly #pending: Array<(writer: LineWriter) => void> = [];

  constructor(private readonly endpoints: ExportEndpoints) {}

  attach(writer: LineWriter): void {
    this.#writer = writer;
    for (const line of this.#pending.splice(0)) context.with(ROOT_CONTEXT, () => line(writer));
  }

  down(signal: Signal, error: Error | undefined, firstContact: boolean): void {
    const endpoint = withoutCredentials(this.endpoints[signal]);
    // Never delivered: the usual way to try the bot without the stack, not a failure.
    if (firstContact) {
      this.#write((writer) =>
        writer.info(
          { signal, endpoint, reason: error?.message },
          `no collector answers at ${endpoint} (${signal}): the bot runs on without it, ` +
            'keeping telemetry up to its queue limits; start the stack ' +
            '(docker compose up -d --wait) to see it in Grafana, or set ' +
            'OTEL_SDK_DISABLED=true to export nothing',
        ),
      );
      return;
    }
    this.#write((writer) =>
      writer.warn(
        { signal, endpoint, reason: error?.message },
        'telemetry export failing: the bot keeps serving; telemetry is buffered up to the ' +
          'queue limits and dropped beyond them until the endpoint answers again',
      ),
    );
  }

  up(signal: Signal): void {
    this.#write((writer) =>
      writer.info(
        { signal, endpoint: withoutCredentials(this.endpoints[signal]) },
        'telemetry export delivering again',
      ),
    );
  }

  problem(message: string): void {
    this.#write((writer) => writer.warn({}, message));
  }

  #write(line: (writer: LineWriter) => void): void {
    const writer = this.#writer;
    if (writer === undefined) this.#pending.push(line);
    // Export callbacks run in whatever context started the batch timer (often an
    // interaction's): the root context keeps these lines out of that trace.
    else context.with(ROOT_CONTEXT, () => line(writer));
  }
}
