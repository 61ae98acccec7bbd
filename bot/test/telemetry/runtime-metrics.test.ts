import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataPointType, type MetricData, type ScopeMetrics } from '@opentelemetry/sdk-metrics';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  type InMemoryTelemetry,
  startInMemoryTelemetry,
} from '../../../harness/bot/in-memory-telemetry.js';
import { RUNTIME_METRICS, type RuntimeInstrumentKind } from '../../src/contract/bot-metrics.js';

/** What each kind looks like in OTLP, which is all a query can tell apart. */
const SHAPE_OF: Record<RuntimeInstrumentKind, { type: DataPointType; monotonic?: boolean }> = {
  counter: { type: DataPointType.SUM, monotonic: true },
  observableCounter: { type: DataPointType.SUM, monotonic: true },
  observableUpDownCounter: { type: DataPointType.SUM, monotonic: false },
  observableGauge: { type: DataPointType.GAUGE },
  histogram: { type: DataPointType.HISTOGRAM },
};

let otel: InMemoryTelemetry;
let emitted: MetricData[];
let scopes: ScopeMetrics[];

beforeAll(async () => {
  otel = startInMemoryTelemetry();
  // One successful HTTP call, as discord.js makes them, for the HTTP client histogram.
  const server = createServer((_request, response) => response.writeHead(204).end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  await new Promise((resolve) => server.close(resolve));
  // Enough garbage for at least one scavenge, so that the GC histogram has a point.
  let keep = 0;
  for (let round = 0; round < 50; round += 1) {
    keep += Array.from({ length: 20_000 }, (_, index) => ({ index })).length;
  }
  expect(keep).toBe(1_000_000);
  await otel.collect();
  // Utilization and rates need two observations some time apart.
  await new Promise((resolve) => setTimeout(resolve, 300));
  scopes = await otel.collectScopes();
  emitted = scopes.flatMap((scope) => scope.metrics);
});

afterAll(() => otel.stop());

test.each(Object.entries(RUNTIME_METRICS))('%s is emitted as declared', (_key, declared) => {
  const metric = emitted.find((candidate) => candidate.descriptor.name === declared.name);
  expect(metric, `${declared.name} not emitted`).toBeDefined();
  const shape = SHAPE_OF[declared.kind];
  expect(metric?.dataPointType).toBe(shape.type);
  if (shape.monotonic !== undefined && metric?.dataPointType === DataPointType.SUM) {
    expect(metric.isMonotonic).toBe(shape.monotonic);
  }
  expect(metric?.descriptor.unit).toBe(declared.unit);
  const keys = new Set(metric?.dataPoints.flatMap((point) => Object.keys(point.attributes)));
  expect([...keys].sort()).toEqual([...declared.attributes].sort());
});

test.each(Object.entries(RUNTIME_METRICS))(
  '%s comes from the package it is declared to come from',
  (_key, declared) => {
    const from = scopes
      .filter((scope) => scope.metrics.some((metric) => metric.descriptor.name === declared.name))
      .map((scope) => scope.scope.name);
    expect(from).toEqual([declared.source]);
  },
);
