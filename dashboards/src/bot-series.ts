import { ATTR, METRICS, RUNTIME_METRICS } from '../../bot/src/telemetry/semconv.js';

/**
 * Prometheus names of the bot's metrics, derived from the telemetry contract so that a
 * rename in semconv.ts moves the dashboards with it. Mimir runs with
 * `otel_metric_suffixes_enabled: false` (infra/mimir/mimir.yaml): an OTLP name only has its
 * dots replaced by underscores, and histograms get `_bucket`/`_sum`/`_count`.
 * The checks in dashboards/test derive the same names independently from the Mimir config.
 */
const prometheusName = (otelName: string): string => otelName.replaceAll('.', '_');

export const BOT_METRIC = Object.fromEntries(
  Object.entries(METRICS).map(([key, metric]) => [key, prometheusName(metric.name)]),
) as { readonly [K in keyof typeof METRICS]: string };

/** The Node runtime and process metrics the bot's preload enables, as Mimir names them. */
export const RUNTIME_METRIC = Object.fromEntries(
  Object.entries(RUNTIME_METRICS).map(([key, metric]) => [key, prometheusName(metric.name)]),
) as { readonly [K in keyof typeof RUNTIME_METRICS]: string };

export const BOT_LABEL = Object.fromEntries(
  Object.entries(ATTR).map(([key, attribute]) => [key, prometheusName(attribute)]),
) as { readonly [K in keyof typeof ATTR]: string };

/** The `service.name` the bot reports; Mimir maps it to `job`, Tempo to `service`, Loki to `service_name`. */
export const BOT_SERVICE = 'roboshpee';

/** Outcomes that count as failures in error ratios (see OUTCOMES in semconv.ts). */
export const FAILED_OUTCOMES = 'forbidden|error';
