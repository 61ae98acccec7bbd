/** A metric family as it exists in Mimir: its name, the labels its series carry, and where that is decided. */
export interface SeriesFamily {
  readonly name: string;
  readonly labels: ReadonlySet<string>;
  readonly source: string;
}

export type Catalogue = ReadonlyMap<string, SeriesFamily>;

/** An OpenTelemetry instrument, as the SDK exports it. */
export interface OtelInstrument {
  readonly name: string;
  readonly kind: 'counter' | 'upDownCounter' | 'histogram' | 'gauge';
  readonly unit: string;
  readonly attributes: readonly string[];
}
