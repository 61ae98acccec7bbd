import { context, logs, metrics, propagation, trace } from '@opentelemetry/api';
import { InMemoryLogRecordExporter } from '@opentelemetry/sdk-logs';
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  type MetricData,
  type ScopeMetrics,
} from '@opentelemetry/sdk-metrics';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { loadTelemetryConfig } from '../../bot/src/config/telemetry-config.js';
import type { DeliveryReporter } from '../../bot/src/telemetry-sdk/delivery-health.js';
import { startTelemetry, type Telemetry } from '../../bot/src/telemetry-sdk/sdk.js';

const silent: DeliveryReporter = { down: () => {}, up: () => {} };

export interface InMemoryTelemetry {
  readonly spans: InMemorySpanExporter;
  readonly logs: InMemoryLogRecordExporter;
  readonly telemetry: Telemetry;
  flush(): Promise<void>;
  /** Every metric of the latest collection, after a flush. */
  collect(): Promise<MetricData[]>;
  /** The same, by instrumentation scope (an instrumentation's scope is its package name). */
  collectScopes(): Promise<ScopeMetrics[]>;
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
  const { sdk } = loadTelemetryConfig({ ...process.env, ROBOSHPEE_OTLP_LOGS: 'true', ...env });
  if (sdk === undefined) throw new Error('in-memory telemetry with OTEL_SDK_DISABLED=true');
  const telemetry = startTelemetry({
    settings: sdk,
    reporter: silent,
    exporters: { spans, metrics: metricExporter, logs: logExporter },
  });
  const collectScopes = async (): Promise<ScopeMetrics[]> => {
    metricExporter.reset();
    await telemetry.forceFlush();
    return metricExporter.getMetrics().at(-1)?.scopeMetrics ?? [];
  };
  return {
    spans,
    logs: logExporter,
    telemetry,
    flush: () => telemetry.forceFlush(),
    collect: async () => (await collectScopes()).flatMap((scope) => scope.metrics),
    collectScopes,
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
