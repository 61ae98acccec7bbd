import { contractBotSeries, contractStackSeries, contractTempoSeries } from './contract-series.js';
import type { Catalogue, SeriesFamily } from './types.js';

/**
 * Every metric family the running system writes to Mimir, by name, as the data contract
 * declares it; contract-matches-config.test.ts holds the declarations to the stack's configs.
 */
export function producedSeries(): Catalogue {
  const families: SeriesFamily[] = [
    ...contractBotSeries(),
    ...contractTempoSeries(),
    ...contractStackSeries(),
  ];
  return new Map(families.map((family) => [family.name, family]));
}
