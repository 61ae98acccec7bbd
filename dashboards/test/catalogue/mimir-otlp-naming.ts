import type { OtelInstrument, SeriesFamily } from './types.js';

/**
 * How Mimir turns OTLP metrics into Prometheus series, given its config.
 * Mimir's OTLP ingestion (pkg/distributor/otel.go) uses Prometheus's otlptranslator:
 * invalid characters become `_`; with `otel_metric_suffixes_enabled` the unit is appended
 * (`s` -> `_seconds`, `By` -> `_bytes`, `1` -> `_ratio` on gauges; `{annotations}` add
 * nothing) and monotonic sums get `_total`. `service.name` -> `job`,
 * `service.instance.id` -> `instance`, and each resource attribute listed in
 * `promote_otel_resource_attributes` becomes a label too.
 */
export interface MimirOtlpSettings {
  readonly suffixes: boolean;
  readonly promotedResourceAttributes: readonly string[];
}

const sanitize = (name: string): string => name.replace(/[^a-zA-Z0-9_:]/g, '_');

const UNIT_SUFFIX: Readonly<Record<string, string>> = {
  s: 'seconds',
  ms: 'milliseconds',
  By: 'bytes',
  KiBy: 'kibibytes',
  MiBy: 'mebibytes',
  '%': 'percent',
};

function baseName(instrument: OtelInstrument, settings: MimirOtlpSettings): string {
  const name = sanitize(instrument.name);
  if (!settings.suffixes) return name;
  const unit =
    instrument.unit === '1' && instrument.kind === 'gauge'
      ? 'ratio'
      : (UNIT_SUFFIX[instrument.unit] ?? '');
  const withUnit = unit === '' || name.endsWith(`_${unit}`) ? name : `${name}_${unit}`;
  return instrument.kind === 'counter' ? `${withUnit}_total` : withUnit;
}

export function otlpSeries(
  instrument: OtelInstrument,
  settings: MimirOtlpSettings,
  source: string,
): SeriesFamily[] {
  const labels = new Set([
    'job',
    'instance',
    ...settings.promotedResourceAttributes.map(sanitize),
    ...instrument.attributes.map(sanitize),
  ]);
  const name = baseName(instrument, settings);
  if (instrument.kind !== 'histogram') return [{ name, labels, source }];
  return [
    { name: `${name}_bucket`, labels: new Set([...labels, 'le']), source },
    { name: `${name}_sum`, labels, source },
    { name: `${name}_count`, labels, source },
  ];
}
