import { describe, expect, it } from 'vitest';
import { configuredBotSeries } from './bot-series.js';
import { contractBotSeries, contractTempoSeries } from './contract-series.js';
import { unscrapedComponents } from './stack-metrics.js';
import { configuredTempoSeries } from './tempo-series.js';
import type { SeriesFamily } from './types.js';

/** Names and labels only: the sources say why, not what. */
const shape = (families: readonly SeriesFamily[]) =>
  families
    .map((family) => ({ name: family.name, labels: [...family.labels].sort() }))
    .sort((a, b) => a.name.localeCompare(b.name));

describe('the data contract says what the stack configs make of the telemetry', () => {
  it("names the bot's metrics and labels as the Mimir config stores them", () => {
    expect(shape(contractBotSeries())).toEqual(shape(configuredBotSeries()));
  });

  it("declares the series Tempo's metrics generator writes with the Tempo config", () => {
    expect(shape(contractTempoSeries())).toEqual(shape(configuredTempoSeries()));
  });

  it('lists only components whose self-metrics the Alloy config scrapes', () => {
    expect(unscrapedComponents()).toEqual([]);
  });
});
