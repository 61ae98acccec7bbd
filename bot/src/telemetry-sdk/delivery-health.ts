import type { ExportResult } from '@opentelemetry/core';
import { ExportResultCode } from '@opentelemetry/core';

export type Signal = 'traces' | 'metrics' | 'logs' | 'profiles';

export interface DeliveryReporter {
  /**
   * The first failed export of an outage; `firstContact` when nothing was ever delivered
   * (no collector there at all, as when the bot runs without the stack).
   */
  down(signal: Signal, error: Error | undefined, firstContact: boolean): void;
  /** The first successful export after an outage. */
  up(signal: Signal): void;
}

/**
 * Tracks whether exports reach the backend, so that an outage is reported once when it
 * starts and once when delivery resumes, however many batches fail in between.
 */
export class DeliveryHealth {
  readonly #failing = new Set<Signal>();
  #delivered = false;
  /** What failed exports held: spans, metric exports, log records, profiles. */
  readonly #undelivered: Record<Signal, number> = { traces: 0, metrics: 0, logs: 0, profiles: 0 };

  constructor(private readonly reporter: DeliveryReporter) {}

  get failing(): ReadonlySet<Signal> {
    return this.#failing;
  }

  get undelivered(): Readonly<Record<Signal, number>> {
    return { ...this.#undelivered };
  }

  /** One export's result; `items` is what it carried (one for a metric export or a profile). */
  record(signal: Signal, result: ExportResult, items = 1): void {
    const wasHealthy = this.#failing.size === 0;
    if (result.code === ExportResultCode.SUCCESS) {
      this.#delivered = true;
      if (this.#failing.delete(signal) && this.#failing.size === 0) this.reporter.up(signal);
      return;
    }
    this.#undelivered[signal] += items;
    this.#failing.add(signal);
    if (wasHealthy) this.reporter.down(signal, result.error, !this.#delivered);
  }
}

interface Exporter<T> {
  export(items: T, resultCallback: (result: ExportResult) => void): void;
}

/**
 * The exporter with every export result also reported to `health`. Other members are
 * forwarded to the exporter itself (bound to it: exporters keep private state).
 */
export function monitorExporter<T, E extends Exporter<T>>(
  exporter: E,
  signal: Signal,
  health: DeliveryHealth,
): E {
  return new Proxy(exporter, {
    get(target, property, receiver) {
      if (property === 'export') {
        return (items: T, resultCallback: (result: ExportResult) => void) =>
          target.export(items, (result) => {
            // Spans and log records come as arrays; metrics as one export.
            health.record(signal, result, Array.isArray(items) ? items.length : 1);
            resultCallback(result);
          });
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
