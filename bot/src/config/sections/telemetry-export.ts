import { z } from 'zod';
import { integerAtLeast } from '../fields/integer.js';
import { defineSection } from '../section.js';
import type { Mode } from './mode.js';

/**
 * The standard `OTEL_*` variables that the preload applies itself because it builds the
 * processors and readers (the SDK reads the rest: endpoint, headers, timeout, compression,
 * resource attributes, sampler, propagators, OTEL_LOG_LEVEL), plus ROBOSHPEE_OTLP_LOGS.
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

/** The demo shows results within one dashboard refresh; production keeps the spec's 60 s. */
const DEMO_METRIC_INTERVAL_MS = 10_000;
const DEFAULT_METRIC_INTERVAL_MS = 60_000;

/** Export settings; the metric interval's default depends on the mode. */
export const exportSection = (mode: Mode) =>
  defineSection(
    z.object({
      OTEL_TRACES_EXPORTER: exporterList('OTEL_TRACES_EXPORTER'),
      OTEL_METRICS_EXPORTER: exporterList('OTEL_METRICS_EXPORTER'),
      OTEL_LOGS_EXPORTER: exporterList('OTEL_LOGS_EXPORTER'),
      OTEL_EXPORTER_OTLP_PROTOCOL: grpcOnly('OTEL_EXPORTER_OTLP_PROTOCOL'),
      OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: grpcOnly('OTEL_EXPORTER_OTLP_TRACES_PROTOCOL'),
      OTEL_EXPORTER_OTLP_METRICS_PROTOCOL: grpcOnly('OTEL_EXPORTER_OTLP_METRICS_PROTOCOL'),
      OTEL_EXPORTER_OTLP_LOGS_PROTOCOL: grpcOnly('OTEL_EXPORTER_OTLP_LOGS_PROTOCOL'),
      // The queues are what bounds memory while the backend is down. Spec defaults, except
      // the queues' sizes: the bot makes two spans per command, and at its measured maximum
      // (about 1300 commands/s on one core) the spec's 2048 holds 0.8 s of them, which a
      // burst outlasts (the bench lost 1.1 % of spans with it, none with 8192). The log
      // queue holds as many commands as the span queue (one record each): 2048 lost 12 %
      // of the records in a sustained bench on a loaded machine (issue 22).
      // The span export batch: a batch processor has one export in flight at a time, and the
      // next starts only when the bot's event loop has read the answer. At 2000 commands/s a
      // 512-span batch (256 commands) had 130 ms: the quiet bench's busy loop answered later
      // and 498 spans were lost, while the log pipeline (512 records, 512 commands a batch)
      // lost none. 1024 spans carry as many commands as the log batch. Not more: 2048 kept
      // spans alive longer (heap 37 against 35 MiB, GC pauses 941 against 733 ms in 20 s) and
      // lost 5240 spans in a run with a 1.4 s stall, where 512 lost none (issue 22).
      OTEL_BSP_MAX_QUEUE_SIZE: integerAtLeast('OTEL_BSP_MAX_QUEUE_SIZE', 1, 8192),
      OTEL_BSP_MAX_EXPORT_BATCH_SIZE: integerAtLeast('OTEL_BSP_MAX_EXPORT_BATCH_SIZE', 1, 1024),
      OTEL_BSP_SCHEDULE_DELAY: integerAtLeast('OTEL_BSP_SCHEDULE_DELAY', 0, 5000),
      OTEL_BSP_EXPORT_TIMEOUT: integerAtLeast('OTEL_BSP_EXPORT_TIMEOUT', 0, 30_000),
      OTEL_BLRP_MAX_QUEUE_SIZE: integerAtLeast('OTEL_BLRP_MAX_QUEUE_SIZE', 1, 4096),
      OTEL_BLRP_MAX_EXPORT_BATCH_SIZE: integerAtLeast('OTEL_BLRP_MAX_EXPORT_BATCH_SIZE', 1, 512),
      OTEL_BLRP_SCHEDULE_DELAY: integerAtLeast('OTEL_BLRP_SCHEDULE_DELAY', 0, 1000),
      OTEL_BLRP_EXPORT_TIMEOUT: integerAtLeast('OTEL_BLRP_EXPORT_TIMEOUT', 0, 30_000),
      OTEL_METRIC_EXPORT_INTERVAL: integerAtLeast(
        'OTEL_METRIC_EXPORT_INTERVAL',
        1,
        mode === 'demo' ? DEMO_METRIC_INTERVAL_MS : DEFAULT_METRIC_INTERVAL_MS,
      ),
      OTEL_METRIC_EXPORT_TIMEOUT: integerAtLeast('OTEL_METRIC_EXPORT_TIMEOUT', 1, 30_000),
    }),
    (value): ExportSettings => ({
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
      metricExportIntervalMillis: value.OTEL_METRIC_EXPORT_INTERVAL,
      // The reader refuses a timeout longer than the interval.
      metricExportTimeoutMillis: Math.min(
        value.OTEL_METRIC_EXPORT_TIMEOUT,
        value.OTEL_METRIC_EXPORT_INTERVAL,
      ),
    }),
    { trim: true },
  );
