import { context, logs, metrics, propagation, trace } from '@opentelemetry/api';
import { InMemoryLogRecordExporter } from '@opentelemetry/sdk-logs';
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  type MetricData,
} from '@opentelemetry/sdk-metrics';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import type { DeliveryReporter } from '../../../src/telemetry/delivery-health.js';
import { startTelemetry, type Telemetry } from '../../../src/telemetry/sdk.js';

const silent: DeliveryReporter = { down: () => {}, up: () => {} };

export interface InMemoryTelemetry {
  readonly spans: InMemorySpanExporter;
  readonly logs: InMemoryLogRecordExporter;
  readonly telemetry: Telemetry;
  flush(): Promise<void>;
  /** Every metric of the latest collection, after a flush. */
  collect(): Promise<MetricData[]>;
  stop(): Promise<void>;
}

/**
 * The bot's real telemetry pipeline (the same `startTelemetry` the preload runs, with its
 * processors, readers, resource and instrumentations) exporting to in-memory exporters.
 */
export function startInMemoryTelemetry(env: Record<string, string> = {}): InMemoryTelemetry {
  const spans = new InMemorySpanExporter();
  const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  const logExporter = new InMemoryLogRecordExporter();
  const telemetry = startTelemetry({
    env: { ...process.env, ROBOSHPEE_OTLP_LOGS: 'true', ...env },
    reporter: silent,
    exporters: { spans, metrics: metricExporter, logs: logExporter },
  });
  return {
    spans,
    logs: logExporter,
    telemetry,
    flush: () => telemetry.forceFlush(),
    collect: async () => {
      metricExporter.reset();
      await telemetry.forceFlush();
      const latest = metricExporter.getMetrics().at(-1);
      return latest?.scopeMetrics.flatMap((scope) => scope.metrics) ?? [];
    },
    stop: async () => {
      await telemetry.shutdown();
      for (const api of [trace, metrics, logs, context, propagation]) api.disable();
    },
  };
}

export function metricNamed(all: readonly MetricData[], name: string): MetricData {
  const found = all.find((metric) => metric.descriptor.name === name);
  if (found === undefined)
    throw new Error(`no metric ${name} among ${all.map((m) => m.descriptor.name).join(', ')}`);
  return found;
}
