import { ATTR } from '../../bot/src/contract/attributes.js';
import { METRICS, RUNTIME_METRICS } from '../../bot/src/contract/bot-metrics.js';
import { FAILED_OUTCOMES as FAILED } from '../../bot/src/contract/outcomes.js';

/**
 * Prometheus names of the bot's metrics, as the data contract (bot/src/contract) declares
 * Mimir exposes them, so that a rename there moves the dashboards with it. The checks in
 * dashboards/test derive the same names independently from the Mimir config.
 */
const prometheusNames = <T extends Record<string, { readonly prometheus: string }>>(
  declared: T,
): { readonly [K in keyof T]: string } =>
  Object.fromEntries(Object.entries(declared).map(([key, metric]) => [key, metric.prometheus])) as {
    readonly [K in keyof T]: string;
  };

export const BOT_METRIC = prometheusNames(METRICS);

/** The Node runtime and process metrics the bot's preload enables, as Mimir names them. */
export const RUNTIME_METRIC = prometheusNames(RUNTIME_METRICS);

/** Attribute keys as Mimir labels: dots become underscores (Prometheus's OTLP translation). */
export const BOT_LABEL = Object.fromEntries(
  Object.entries(ATTR).map(([key, attribute]) => [key, attribute.replaceAll('.', '_')]),
) as { readonly [K in keyof typeof ATTR]: string };

export { BOT_SERVICE } from '../../bot/src/contract/resource.js';

/** Outcomes that count as failures in error ratios, as a PromQL regex alternative. */
export const FAILED_OUTCOMES = FAILED.join('|');
