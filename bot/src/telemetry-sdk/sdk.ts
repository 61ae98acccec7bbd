import { OTLPLogExporter } from '@opentelemetry/exporter-logs-otlp-grpc';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-grpc';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import { detectResources } from '@opentelemetry/resources';
import {
  BatchLogRecordProcessor,
  ConsoleLogRecordExporter,
  type LogRecordExporter,
  type LogRecordProcessor,
  SimpleLogRecordProcessor,
} from '@opentelemetry/sdk-logs';
import {
  ConsoleMetricExporter,
  type IMetricReader,
  PeriodicExportingMetricReader,
  type PushMetricExporter,
} from '@opentelemetry/sdk-metrics';
import { NodeSDK } from '@opentelemetry/sdk-node';
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace';
import type { ExporterName, ExportSettings } from '../config/sections/telemetry-export.js';
import type { SdkSettings } from '../config/telemetry-config.js';
import type { Undelivered } from '../telemetry/lifecycle.js';
import { sendLogRecords } from '../telemetry/log-records.js';
import { DeliveryHealth, type DeliveryReporter, monitorExporter } from './delivery-health.js';
import { botInstrumentations } from './instrumentations.js';
import { startProfiling } from './profiling/start-profiling.js';
import { baseResource, packageVersion, RESOURCE_DETECTORS } from './resource.js';

/** Exporters that replace the OTLP ones (tests: in-memory exporters, same pipeline). */
export interface ExporterOverrides {
  readonly spans?: SpanExporter;
  readonly metrics?: PushMetricExporter;
  readonly logs?: LogRecordExporter;
}

export interface TelemetryOptions {
  /** Parsed once by the preload (config/telemetry-config.ts). */
  readonly settings: SdkSettings;
  readonly reporter: DeliveryReporter;
  readonly exporters?: ExporterOverrides;
}

export interface Telemetry {
  readonly health: DeliveryHealth;
  /** What failed exports held since the start. */
  undelivered(): Undelivered;
  /** Problems that did not stop telemetry (e.g. no service.version), to log once. */
  readonly problems: readonly string[];
  forceFlush(): Promise<void>;
  /** Flushes all signals (the last profiles too) and stops exporting; idempotent. */
  shutdown(): Promise<void>;
}

/**
 * Builds and registers the SDK: the one place in the bot that constructs exporters. The
 * caller (the preload) decides when; OTEL_SDK_DISABLED is its concern too.
 */
export function startTelemetry(options: TelemetryOptions): Telemetry {
  const { settings } = options;
  const exportSettings = settings.export;
  const health = new DeliveryHealth(options.reporter);
  const overrides = options.exporters ?? {};
  const { version, problem } = packageVersion();

  const spanProcessors = overrides.spans
    ? [batchSpans(overrides.spans, exportSettings)]
    : exportSettings.traces.map((name) => spanProcessorFor(name, exportSettings, health));
  const metricReaders = overrides.metrics
    ? [periodicReader(overrides.metrics, exportSettings)]
    : exportSettings.metrics.map((name) => metricReaderFor(name, exportSettings, health));
  const logProcessors = !settings.otlpLogs
    ? []
    : overrides.logs
      ? [batchLogs(overrides.logs, exportSettings)]
      : exportSettings.logs.map((name) => logProcessorFor(name, exportSettings, health));

  const instrumentations = botInstrumentations();
  // Detected once here rather than by the SDK, so that profiles carry the very same
  // attributes (service.instance.id is a random id per detection).
  const resource = baseResource(settings.mode, version).merge(
    detectResources({ detectors: [...RESOURCE_DETECTORS] }),
  );
  const sdk = new NodeSDK({
    resource,
    autoDetectResources: false,
    instrumentations,
    spanProcessors,
    metricReaders,
    logRecordProcessors: logProcessors,
  });
  sdk.start();
  sendLogRecords(logProcessors.length > 0);
  const profiler = settings.profiling
    ? startProfiling(settings.profiling, resource, health)
    : undefined;

  const flushes = () => [
    ...spanProcessors.map((processor) => processor.forceFlush()),
    ...metricReaders.map((reader) => reader.forceFlush()),
    ...logProcessors.map((processor) => processor.forceFlush()),
  ];
  let stopped: Promise<void> | undefined;
  return {
    health,
    problems: problem === undefined ? [] : [`service.version not set: ${problem}`],
    undelivered: () => {
      const { traces, metrics, logs } = health.undelivered;
      return { spans: traces, metricExports: metrics, logRecords: logs };
    },
    forceFlush: async () => {
      await Promise.all(flushes());
    },
    shutdown: () => {
      // NodeSDK leaves instrumentations subscribed (diagnostics channels, timers).
      // Each signal flushed on its own first: NodeSDK's shutdown stops at the first signal
      // that fails, before the others' last exports are counted in the exit summary.
      stopped ??= Promise.allSettled(flushes())
        .then(() => Promise.all([sdk.shutdown(), profiler?.stop()]))
        .then(() => undefined)
        .finally(() => {
          for (const instrumentation of instrumentations) instrumentation.disable();
        });
      return stopped;
    },
  };
}

function batchSpans(exporter: SpanExporter, settings: ExportSettings): SpanProcessor {
  return new BatchSpanProcessor({ exporter, ...settings.spanBatch });
}

function periodicReader(exporter: PushMetricExporter, settings: ExportSettings): IMetricReader {
  return new PeriodicExportingMetricReader({
    exporter,
    exportIntervalMillis: settings.metricExportIntervalMillis,
    exportTimeoutMillis: settings.metricExportTimeoutMillis,
  });
}

function batchLogs(exporter: LogRecordExporter, settings: ExportSettings): LogRecordProcessor {
  return new BatchLogRecordProcessor({ exporter, ...settings.logBatch });
}

function spanProcessorFor(
  name: ExporterName,
  settings: ExportSettings,
  health: DeliveryHealth,
): SpanProcessor {
  return name === 'otlp'
    ? batchSpans(monitorExporter(new OTLPTraceExporter(), 'traces', health), settings)
    : batchSpans(new ConsoleSpanExporter(), settings);
}

function metricReaderFor(
  name: ExporterName,
  settings: ExportSettings,
  health: DeliveryHealth,
): IMetricReader {
  return name === 'otlp'
    ? periodicReader(monitorExporter(new OTLPMetricExporter(), 'metrics', health), settings)
    : periodicReader(new ConsoleMetricExporter(), settings);
}

function logProcessorFor(
  name: ExporterName,
  settings: ExportSettings,
  health: DeliveryHealth,
): LogRecordProcessor {
  return name === 'otlp'
    ? batchLogs(monitorExporter(new OTLPLogExporter(), 'logs', health), settings)
    : new SimpleLogRecordProcessor({ exporter: new ConsoleLogRecordExporter() });
}
