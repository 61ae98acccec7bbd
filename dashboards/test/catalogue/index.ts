import { botSeries } from './bot-series.js';
import { stackSeries } from './stack-metrics.js';
import { tempoSeries } from './tempo-series.js';
import type { Catalogue, SeriesFamily } from './types.js';

/** Every metric family the running system writes to Mimir, by name. */
export function producedSeries(): Catalogue {
  const families: SeriesFamily[] = [...botSeries(), ...tempoSeries(), ...stackSeries()];
  return new Map(families.map((family) => [family.name, family]));
}
