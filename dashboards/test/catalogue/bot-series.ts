import { METRICS } from '../../../bot/src/telemetry/semconv.js';
import { otlpSeries } from './mimir-otlp-naming.js';
import { MIMIR_CONFIG, mimirOtlpSettings } from './mimir-settings.js';
import type { OtelInstrument, SeriesFamily } from './types.js';

const KIND: Readonly<Record<(typeof METRICS)[keyof typeof METRICS]['kind'], OtelInstrument['kind']>> = {
  counter: 'counter',
  histogram: 'histogram',
  observableGauge: 'gauge',
};

/** The bot's own metrics: every METRICS declaration of semconv.ts, named as Mimir stores it. */
export function botSeries(): SeriesFamily[] {
  const settings = mimirOtlpSettings();
  return Object.values(METRICS).flatMap((metric) =>
    otlpSeries(
      { ...metric, kind: KIND[metric.kind] },
      settings,
      `bot/src/telemetry/semconv.ts (${metric.name}) via ${MIMIR_CONFIG}`,
    ),
  );
}
