import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { PROFILE_TYPES } from '../../bot/src/telemetry-sdk/profiling/profile-types.js';
import { RUNTIME_METRIC } from './bot-series.js';
import { roboshpeeDashboard, withRows } from './dashboard-defaults.js';
import { BOT_RUNTIME_UID } from './dashboard-uids.js';
import {
  flameGraphPanel,
  metricsStat,
  metricsTimeseries,
  profileLink,
  thresholds,
} from './panels.js';
import { rate } from './promql.js';
import { botProfileSelector, botSelector } from './selectors.js';
import { environmentVariable, instanceVariable } from './variables.js';

// Metrics of @opentelemetry/instrumentation-runtime-node (nodejs.*, v8js.*) and
// @opentelemetry/instrumentation-host-metrics (process.*), as declared in RUNTIME_METRICS of bot/src/contract/bot-metrics.ts.
const M = RUNTIME_METRIC;
const sel = botSelector();
const MiB = 1024 * 1024;
/** compose.yaml caps the bot container at 192 MiB: warn well before the OOM killer acts. */
const MEMORY_LIMITS = thresholds(
  { value: 128 * MiB, color: 'yellow' },
  { value: 170 * MiB, color: 'red' },
);
/** The profiles of the instances shown (Pyroscope, when ROBOSHPEE_PROFILING=true). */
const CPU_PROFILE = { profileTypeId: PROFILE_TYPES.cpu, labelSelector: botProfileSelector };
const HEAP_PROFILE = {
  profileTypeId: PROFILE_TYPES.heapInUseBytes,
  labelSelector: botProfileSelector,
};

const panels = [
  metricsTimeseries(
    {
      title: 'Event loop delay',
      description:
        'How late the event loop runs callbacks (p50, p99, max per instance). Above 100 ms commands queue up behind it.',
      unit: 's',
    },
    [
      { expr: `max by (instance) (${M.eventLoopDelayP50}${sel})`, legend: 'p50 {{instance}}' },
      { expr: `max by (instance) (${M.eventLoopDelayP99}${sel})`, legend: 'p99 {{instance}}' },
      { expr: `max by (instance) (${M.eventLoopDelayMax}${sel})`, legend: 'max {{instance}}' },
    ],
    thresholds({ value: 0.1, color: 'yellow' }, { value: 0.5, color: 'red' }),
  ),
  metricsTimeseries(
    {
      title: 'Event loop utilization',
      description: 'Share of time the event loop is busy rather than idle.',
      unit: 'percentunit',
    },
    [{ expr: `max by (instance) (${M.eventLoopUtilization}${sel})`, legend: '{{instance}}' }],
    thresholds({ value: 0.7, color: 'yellow' }, { value: 0.9, color: 'red' }),
  ),
  metricsTimeseries(
    {
      title: 'Heap used by space',
      description: 'V8 heap bytes in use, by heap space (new, old, code, large object...).',
      unit: 'bytes',
    },
    [
      {
        expr: `sum by (v8js_heap_space_name) (${M.heapUsed}${sel})`,
        legend: '{{v8js_heap_space_name}}',
      },
    ],
  ),
  metricsTimeseries(
    {
      title: 'Heap used and size',
      description: 'Total V8 heap in use against the heap the process has reserved.',
      unit: 'bytes',
    },
    [
      { expr: `sum by (instance) (${M.heapUsed}${sel})`, legend: 'used {{instance}}' },
      {
        expr: `sum by (instance) (${M.heapSpaceSize}${sel})`,
        legend: 'size {{instance}}',
      },
    ],
    MEMORY_LIMITS,
  ),
  metricsTimeseries(
    {
      title: 'GC time',
      description: 'Share of wall time spent in garbage collection, by GC type.',
      unit: 'percentunit',
    },
    [
      {
        expr: `sum by (v8js_gc_type) (${rate(`${M.gcDuration}_sum${sel}`)})`,
        legend: '{{v8js_gc_type}}',
      },
    ],
    thresholds({ value: 0.05, color: 'yellow' }, { value: 0.2, color: 'red' }),
  ),
  metricsTimeseries(
    {
      title: 'GC pauses per second',
      description: 'Garbage collections per second, by GC type.',
      unit: 'ops',
    },
    [
      {
        expr: `sum by (v8js_gc_type) (${rate(`${M.gcDuration}_count${sel}`)})`,
        legend: '{{v8js_gc_type}}',
      },
    ],
  ),
  metricsTimeseries(
    {
      title: 'CPU',
      description: 'CPU time used per second of wall time (1 = one full core), user and system.',
      unit: 'percentunit',
    },
    [
      {
        expr: `sum by (instance, cpu_mode) (${rate(`${M.processCpuTime}${sel}`)})`,
        legend: '{{cpu_mode}} {{instance}}',
      },
    ],
    thresholds({ value: 0.8, color: 'yellow' }, { value: 1, color: 'red' }),
    profileLink(CPU_PROFILE, 'CPU flame graph (Pyroscope)'),
  ),
  metricsTimeseries(
    {
      title: 'Resident memory (RSS)',
      description: 'Physical memory held by the bot process.',
      unit: 'bytes',
    },
    [{ expr: `max by (instance) (${M.processMemoryUsage}${sel})`, legend: '{{instance}}' }],
    MEMORY_LIMITS,
  ),
  metricsStat(
    {
      title: 'Process starts',
      description:
        'Bot processes started in the time range: distinct instance ids plus counter resets under one id. 1 means no restart.',
      unit: 'short',
    },
    {
      expr: `count(max by (instance) (max_over_time(${M.processMemoryUsage}${sel}[$__range]))) + sum(max by (instance) (resets(${M.processCpuTime}${sel}[$__range])))`,
      legend: 'starts',
    },
    thresholds({ value: 2, color: 'yellow' }, { value: 4, color: 'red' }),
  ),
];

/** Pyroscope's view of the same process: in a row of their own, full width. */
const profiles = [
  flameGraphPanel(
    {
      title: 'CPU flame graph',
      description:
        'Where the CPU time above went, by function, merged over the time range (Pyroscope; empty unless ROBOSHPEE_PROFILING=true).',
      unit: 'ns',
    },
    CPU_PROFILE,
  ),
  flameGraphPanel(
    {
      title: 'Heap in use by allocation site',
      description:
        'Bytes live on the V8 heap, by the function that allocated them (sampled every 512 KiB; Pyroscope).',
      unit: 'bytes',
    },
    HEAP_PROFILE,
  ),
];

export function botRuntime(): Dashboard {
  const builder = roboshpeeDashboard(
    BOT_RUNTIME_UID,
    'RoboShpee / Bot runtime',
    'The Node.js process under the bot: event loop, V8 heap and GC, CPU, memory, restarts and flame graphs.',
  )
    .withVariable(environmentVariable)
    .withVariable(instanceVariable);
  for (const panel of panels) builder.withPanel(panel);
  return withRows(builder, { Profiles: profiles }).build();
}
