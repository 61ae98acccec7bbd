import { METRICS, RUNTIME_METRICS } from '../../../bot/src/contract/bot-metrics.js';
import { SERVICE_CONFIGS } from '../../../harness/repo/stack-files.js';
import { otlpSeries } from './mimir-otlp-naming.js';
import { mimirOtlpSettings } from './mimir-settings.js';
import type { OtelInstrument, SeriesFamily } from './types.js';

type DeclaredKind =
  | (typeof METRICS)[keyof typeof METRICS]['kind']
  | (typeof RUNTIME_METRICS)[keyof typeof RUNTIME_METRICS]['kind'];

/** How each instrument kind arrives over OTLP: up-down counters are non-monotonic sums (gauges in Prometheus). */
const KIND: Readonly<Record<DeclaredKind, OtelInstrument['kind']>> = {
  counter: 'counter',
  histogram: 'histogram',
  observableGauge: 'gauge',
  observableCounter: 'counter',
  observableUpDownCounter: 'upDownCounter',
};

/**
 * Everything the bot exports, named as the stack's Mimir config makes Mimir store it
 * (independently of the Prometheus names the contract writes down): its own instruments
 * (METRICS) and the Node runtime and process metrics its preload turns on (RUNTIME_METRICS,
 * which the telemetry tests check against what the instrumentations emit).
 */
export function configuredBotSeries(): SeriesFamily[] {
  const settings = mimirOtlpSettings();
  const declared = [
    ...Object.values(METRICS).map((metric) => ({ ...metric, from: 'METRICS' })),
    ...Object.values(RUNTIME_METRICS).map((metric) => ({
      ...metric,
      from: `RUNTIME_METRICS, ${metric.source}`,
    })),
  ];
  return declared.flatMap((metric) =>
    otlpSeries(
      {
        name: metric.name,
        kind: KIND[metric.kind],
        unit: metric.unit,
        attributes: metric.attributes,
      },
      settings,
      `bot/src/contract/bot-metrics.ts ${metric.from} (${metric.name}) via ${SERVICE_CONFIGS.mimir}`,
    ),
  );
}
