import { z } from 'zod';
import { isDemoMode } from '../config.js';
import { settingsOrThrow } from './settings.js';

/**
 * The standard `OTEL_*` variables that the preload applies itself because it builds the
 * processors and readers (the SDK reads the rest: endpoint, headers, timeout, compression,
 * resource attributes, sampler, propagators, OTEL_SDK_DISABLED, OTEL_LOG_LEVEL).
 */

const EXPORTERS = ['otlp', 'console', 'none'] as const;
export type ExporterName = (typeof EXPORTERS)[number];

export interface BatchSettings {
  readonly maxQueueSize: number;
  readonly maxExportBatchSize: number;
  readonly scheduledDelayMillis: number;
  readonly exportTimeoutMillis: number;
}

export interface ExportSettings {
  readonly traces: readonly ExporterName[];
  readonly metrics: readonly ExporterName[];
  readonly logs: readonly ExporterName[];
  readonly spanBatch: BatchSettings;
  readonly logBatch: BatchSettings;
  readonly metricExportIntervalMillis: number;
  readonly metricExportTimeoutMillis: number;
}

const exporterList = (name: string) =>
  z
    .string()
    .optional()
    .transform((raw, ctx): ExporterName[] => {
      const names = (raw ?? 'otlp')
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
      const unknown = names.filter((item) => !(EXPORTERS as readonly string[]).includes(item));
      if (unknown.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `${name} must be a comma-separated list of ${EXPORTERS.join(', ')}, got '${raw}'`,
        });
        return z.NEVER;
      }
      const known = names as ExporterName[];
      return known.includes('none') || known.length === 0 ? [] : [...new Set(known)];
    });

const grpcOnly = (name: string) =>
  z
    .literal('grpc', {
      error: (issue) =>
        `${name} must be 'grpc' (RoboShpee ships the OTLP gRPC exporters), got '${String(issue.input)}'`,
    })
    .optional();

const count = (name: string, fallback: number, min = 0) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined) return fallback;
      const value = Number(raw);
      if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min) {
        ctx.addIssue({
          code: 'custom',
          message: `${name} must be an integer >= ${min}, got '${raw}'`,
        });
        return z.NEVER;
      }
      return value;
    });

/** The demo shows results within one dashboard refresh; production keeps the spec's 60 s. */
const DEMO_METRIC_INTERVAL_MS = 10_000;
const DEFAULT_METRIC_INTERVAL_MS = 60_000;

export function readExportSettings(env: NodeJS.ProcessEnv = process.env): ExportSettings {
  const intervalFallback = isDemoMode(env) ? DEMO_METRIC_INTERVAL_MS : DEFAULT_METRIC_INTERVAL_MS;
  const schema = z.object({
    OTEL_TRACES_EXPORTER: exporterList('OTEL_TRACES_EXPORTER'),
    OTEL_METRICS_EXPORTER: exporterList('OTEL_METRICS_EXPORTER'),
    OTEL_LOGS_EXPORTER: exporterList('OTEL_LOGS_EXPORTER'),
    OTEL_EXPORTER_OTLP_PROTOCOL: grpcOnly('OTEL_EXPORTER_OTLP_PROTOCOL'),
    OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: grpcOnly('OTEL_EXPORTER_OTLP_TRACES_PROTOCOL'),
    OTEL_EXPORTER_OTLP_METRICS_PROTOCOL: grpcOnly('OTEL_EXPORTER_OTLP_METRICS_PROTOCOL'),
    OTEL_EXPORTER_OTLP_LOGS_PROTOCOL: grpcOnly('OTEL_EXPORTER_OTLP_LOGS_PROTOCOL'),
    // Spec defaults; the queues are what bounds memory while the backend is down.
    OTEL_BSP_MAX_QUEUE_SIZE: count('OTEL_BSP_MAX_QUEUE_SIZE', 2048, 1),
    OTEL_BSP_MAX_EXPORT_BATCH_SIZE: count('OTEL_BSP_MAX_EXPORT_BATCH_SIZE', 512, 1),
    OTEL_BSP_SCHEDULE_DELAY: count('OTEL_BSP_SCHEDULE_DELAY', 5000),
    OTEL_BSP_EXPORT_TIMEOUT: count('OTEL_BSP_EXPORT_TIMEOUT', 30_000),
    OTEL_BLRP_MAX_QUEUE_SIZE: count('OTEL_BLRP_MAX_QUEUE_SIZE', 2048, 1),
    OTEL_BLRP_MAX_EXPORT_BATCH_SIZE: count('OTEL_BLRP_MAX_EXPORT_BATCH_SIZE', 512, 1),
    OTEL_BLRP_SCHEDULE_DELAY: count('OTEL_BLRP_SCHEDULE_DELAY', 1000),
    OTEL_BLRP_EXPORT_TIMEOUT: count('OTEL_BLRP_EXPORT_TIMEOUT', 30_000),
    OTEL_METRIC_EXPORT_INTERVAL: count('OTEL_METRIC_EXPORT_INTERVAL', intervalFallback, 1),
    OTEL_METRIC_EXPORT_TIMEOUT: count('OTEL_METRIC_EXPORT_TIMEOUT', 30_000, 1),
  });
  const input = Object.fromEntries(
    Object.keys(schema.shape).map((key) => [key, env[key]?.trim() || undefined]),
  );
  const value = settingsOrThrow(schema.safeParse(input));
  const interval = value.OTEL_METRIC_EXPORT_INTERVAL;
  return {
    traces: value.OTEL_TRACES_EXPORTER,
    metrics: value.OTEL_METRICS_EXPORTER,
    logs: value.OTEL_LOGS_EXPORTER,
    spanBatch: {
      maxQueueSize: value.OTEL_BSP_MAX_QUEUE_SIZE,
      maxExportBatchSize: value.OTEL_BSP_MAX_EXPORT_BATCH_SIZE,
      scheduledDelayMillis: value.OTEL_BSP_SCHEDULE_DELAY,
      exportTimeoutMillis: value.OTEL_BSP_EXPORT_TIMEOUT,
    },
    logBatch: {
      maxQueueSize: value.OTEL_BLRP_MAX_QUEUE_SIZE,
      maxExportBatchSize: value.OTEL_BLRP_MAX_EXPORT_BATCH_SIZE,
      scheduledDelayMillis: value.OTEL_BLRP_SCHEDULE_DELAY,
      exportTimeoutMillis: value.OTEL_BLRP_EXPORT_TIMEOUT,
    },
    metricExportIntervalMillis: interval,
    // The reader refuses a timeout longer than the interval.
    metricExportTimeoutMillis: Math.min(value.OTEL_METRIC_EXPORT_TIMEOUT, interval),
  };
}
