import {
  METRICS,
  PROMETHEUS_TYPE,
  RUNTIME_METRICS,
} from '../../../bot/src/contract/bot-metrics.js';
import { MIMIR_RESOURCE_LABELS } from '../../../bot/src/contract/resource.js';
import { SCRAPE_UP, STACK_COMPONENTS, TEMPO_GENERATED } from '../../src/stack-series.js';
import { familiesOf } from './series-families.js';
import type { SeriesFamily } from './types.js';

const CONTRACT = 'bot/src/contract';

/** The bot's metrics as the contract says Mimir stores them. */
export function contractBotSeries(): SeriesFamily[] {
  return [...Object.values(METRICS), ...Object.values(RUNTIME_METRICS)].flatMap((metric) =>
    familiesOf(
      metric.prometheus,
      PROMETHEUS_TYPE[metric.kind],
      [...MIMIR_RESOURCE_LABELS, ...metric.attributes.map((name) => name.replaceAll('.', '_'))],
      `${CONTRACT}/bot-metrics.ts (${metric.name})`,
    ),
  );
}

/** Tempo's span metrics and service graphs as the contract declares them. */
export function contractTempoSeries(): SeriesFamily[] {
  return Object.values(TEMPO_GENERATED)
    .flatMap((processor) => Object.values(processor))
    .flatMap((metric) =>
      familiesOf(
        metric.name,
        metric.type,
        metric.labels,
        `dashboards/src/stack-series.ts, ${metric.source}`,
      ),
    );
}

/** The components' self-metrics, with the `job` and `instance` of the scrape, and `up`. */
export function contractStackSeries(): SeriesFamily[] {
  const scraped = Object.values(STACK_COMPONENTS).flatMap((component) =>
    component.metrics.flatMap((metric) =>
      familiesOf(
        metric.name,
        metric.type,
        [...metric.labels, 'job', 'instance'],
        `dashboards/src/stack-series.ts, ${metric.source}, scraped via ${component.scrapedVia}`,
      ),
    ),
  );
  return [
    ...scraped,
    ...familiesOf(SCRAPE_UP.name, SCRAPE_UP.type, SCRAPE_UP.labels, SCRAPE_UP.source),
  ];
}
