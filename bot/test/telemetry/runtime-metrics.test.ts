import { InstrumentType, type MetricData } from '@opentelemetry/sdk-metrics';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  RUNTIME_METRICS,
  type RuntimeInstrumentKind,
} from '../../src/telemetry/semconv.js';
import { type InMemoryTelemetry, startInMemoryTelemetry } from './support/in-memory-telemetry.js';

const KIND_OF: Record<InstrumentType, RuntimeInstrumentKind | 'other'> = {
  [InstrumentType.COUNTER]: 'counter',
  [InstrumentType.HISTOGRAM]: 'histogram',
  [InstrumentType.OBSERVABLE_GAUGE]: 'observableGauge',
  [InstrumentType.OBSERVABLE_COUNTER]: 'observableCounter',
  [InstrumentType.OBSERVABLE_UP_DOWN_COUNTER]: 'observableUpDownCounter',
  [InstrumentType.UP_DOWN_COUNTER]: 'other',
  [InstrumentType.GAUGE]: 'other',
};

let otel: InMemoryTelemetry;
let emitted: MetricData[];

beforeAll(async () => {
  otel = startInMemoryTelemetry();
  // Enough garbage for at least one scavenge, so that the GC histogram has a point.
  let keep = 0;
  for (let round = 0; round < 50; round += 1) {
    keep += Array.from({ length: 20_000 }, (_, index) => ({ index })).length;
  }
  expect(keep).toBe(1_000_000);
  await otel.collect();
  // Utilization and rates need two observations some time apart.
  await new Promise((resolve) => setTimeout(resolve, 300));
  emitted = await otel.collect();
});

afterAll(() => otel.stop());

test.each(Object.entries(RUNTIME_METRICS))('%s is emitted as declared', (_key, declared) => {
  const metric = emitted.find((candidate) => candidate.descriptor.name === declared.name);
  expect(metric, `${declared.name} not emitted`).toBeDefined();
  expect(KIND_OF[metric?.descriptor.type as InstrumentType]).toBe(declared.kind);
  expect(metric?.descriptor.unit).toBe(declared.unit);
  const keys = new Set(metric?.dataPoints.flatMap((point) => Object.keys(point.attributes)));
  expect([...keys].sort()).toEqual([...declared.attributes].sort());
});
