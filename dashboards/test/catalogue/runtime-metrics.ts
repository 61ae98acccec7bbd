import { otlpSeries } from './mimir-otlp-naming.js';
import { MIMIR_CONFIG, mimirOtlpSettings } from './mimir-settings.js';
import type { OtelInstrument, SeriesFamily } from './types.js';

/**
 * Instruments of the runtime and host instrumentations the bot's telemetry preload starts,
 * read from the installed packages (name, kind, unit and attributes as created there):
 * - @opentelemetry/instrumentation-runtime-node 0.37.0: dist/semconv.mjs and
 *   dist/metrics/{eventLoopDelay,eventLoopUtilization,eventLoopTime,gc,heapSpacesSizeAndUsed}Collector.mjs
 * - @opentelemetry/host-metrics 0.39.0: build/src/semconv.js and build/src/metric.js
 *   (`_createMetrics`; only the process.* instruments are listed: the dashboards use no system.* one).
 */
const RUNTIME_NODE = '@opentelemetry/instrumentation-runtime-node@0.37.0';
const HOST_METRICS = '@opentelemetry/host-metrics@0.39.0';

const INSTRUMENTS: readonly (OtelInstrument & { readonly from: string })[] = [
  ...(['min', 'max', 'mean', 'stddev', 'p50', 'p90', 'p99'] as const).map((stat) => ({
    name: `nodejs.eventloop.delay.${stat}`,
    kind: 'gauge' as const,
    unit: 's',
    attributes: [],
    from: RUNTIME_NODE,
  })),
  { name: 'nodejs.eventloop.utilization', kind: 'gauge', unit: '1', attributes: [], from: RUNTIME_NODE },
  {
    name: 'nodejs.eventloop.time',
    kind: 'counter',
    unit: 's',
    attributes: ['nodejs.eventloop.state'],
    from: RUNTIME_NODE,
  },
  { name: 'v8js.gc.duration', kind: 'histogram', unit: 's', attributes: ['v8js.gc.type'], from: RUNTIME_NODE },
  {
    name: 'v8js.memory.heap.used',
    kind: 'gauge',
    unit: 'By',
    attributes: ['v8js.heap.space.name'],
    from: RUNTIME_NODE,
  },
  {
    // An observable up-down counter: a non-monotonic sum, stored as a gauge.
    name: 'v8js.memory.heap.space.size',
    kind: 'upDownCounter',
    unit: 'By',
    attributes: ['v8js.heap.space.name'],
    from: RUNTIME_NODE,
  },
  {
    name: 'v8js.memory.heap.space.available_size',
    kind: 'gauge',
    unit: 'By',
    attributes: ['v8js.heap.space.name'],
    from: RUNTIME_NODE,
  },
  {
    name: 'v8js.memory.heap.space.physical_size',
    kind: 'gauge',
    unit: 'By',
    attributes: ['v8js.heap.space.name'],
    from: RUNTIME_NODE,
  },
  { name: 'v8js.resource.active', kind: 'gauge', unit: '{resource}', attributes: ['v8js.resource.type'], from: RUNTIME_NODE },
  { name: 'process.cpu.time', kind: 'counter', unit: 's', attributes: ['process.cpu.state'], from: HOST_METRICS },
  { name: 'process.cpu.utilization', kind: 'gauge', unit: '1', attributes: ['process.cpu.state'], from: HOST_METRICS },
  { name: 'process.memory.usage', kind: 'gauge', unit: 'By', attributes: [], from: HOST_METRICS },
];

export function runtimeSeries(): SeriesFamily[] {
  const settings = mimirOtlpSettings();
  return INSTRUMENTS.flatMap(({ from, ...instrument }) =>
    otlpSeries(instrument, settings, `${from} (${instrument.name}) via ${MIMIR_CONFIG}`),
  );
}
