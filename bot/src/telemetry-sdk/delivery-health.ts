import type { ExportResult } from '@opentelemetry/core';
import { ExportResultCode } from '@opentelemetry/core';

export type Signal = 'traces' | 'metrics' | 'logs' | 'profiles';

export interface DeliveryReporter {
  /** The first failed export of an outage. */
  down(signal: Signal, error: Error | undefined): void;
  /** The first successful export after an outage. */
  up(signal: Signal): void;
}

/**
 * Tracks whether exports reach the backend, so that an outage is reported once when it
 * starts and once when delivery resumes, however many batches fail in between.
 */
export class DeliveryHealth {
  readonly #failing = new Set<Signal>();

  constructor(private readonly reporter: DeliveryReporter) {}

  get failing(): ReadonlySet<Signal> {
    return this.#failing;
  }

  record(signal: Signal, result: ExportResult): void {
    const wasHealthy = this.#failing.size === 0;
    if (result.code === ExportResultCode.SUCCESS) {
      if (this.#failing.delete(signal) && this.#failing.size === 0) this.reporter.up(signal);
      return;
    }
    this.#failing.add(signal);
    if (wasHealthy) this.reporter.down(signal, result.error);
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
            health.record(signal, result);
            resultCallback(result);
          });
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
