import {
  type Counter,
  type Histogram,
  type Meter,
  type MeterProvider,
  metrics,
  type ObservableGauge,
} from '@opentelemetry/api';
import {
  DURATION_BUCKETS_SECONDS,
  METRICS,
  type MetricDeclaration,
} from '../contract/bot-metrics.js';

/** Instrumentation scope of everything the bot itself records. */
export const SCOPE = 'roboshpee';

export function counterFrom(meter: Meter, declaration: MetricDeclaration): Counter {
  return meter.createCounter(declaration.name, {
    unit: declaration.unit,
    description: declaration.description,
  });
}

export function observableGaugeFrom(meter: Meter, declaration: MetricDeclaration): ObservableGauge {
  return meter.createObservableGauge(declaration.name, {
    unit: declaration.unit,
    description: declaration.description,
  });
}

function durationHistogramFrom(meter: Meter, declaration: MetricDeclaration): Histogram {
  return meter.createHistogram(declaration.name, {
    unit: declaration.unit,
    description: declaration.description,
    advice: { explicitBucketBoundaries: [...DURATION_BUCKETS_SECONDS] },
  });
}

export interface InteractionInstruments {
  readonly commands: Counter;
  readonly commandDuration: Histogram;
  readonly autocompleteDuration: Histogram;
  readonly roleChanges: Counter;
}

let cached: { provider: MeterProvider; instruments: InteractionInstruments } | undefined;

/**
 * The API has no proxy meter provider (unlike tracing): instruments made before the SDK
 * registers would be no-ops forever. So they are made on first use and remade if the
 * global provider changes.
 */
export function interactionInstruments(): InteractionInstruments {
  const provider = metrics.getMeterProvider();
  if (cached?.provider !== provider) {
    const meter = provider.getMeter(SCOPE);
    cached = {
      provider,
      instruments: {
        commands: counterFrom(meter, METRICS.commands),
        commandDuration: durationHistogramFrom(meter, METRICS.commandDuration),
        autocompleteDuration: durationHistogramFrom(meter, METRICS.autocompleteDuration),
        roleChanges: counterFrom(meter, METRICS.roleChanges),
      },
    };
  }
  return cached.instruments;
}
