/**
 * The metrics the bot's process exports: its own instruments, which are created from these
 * declarations, and those of the instrumentations its preload turns on. The dashboards and
 * alerts may query these names only (dashboards/test), and the telemetry tests check them
 * against what the process really emits.
 */
import { ATTR } from './attributes.js';

/** Buckets for command latency: 5 ms (a cache hit) to 10 s (a retried, rate-limited call). */
export const DURATION_BUCKETS_SECONDS = [
  0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
] as const;

export type InstrumentKind = 'counter' | 'histogram' | 'observableGauge';

export interface MetricDeclaration {
  /** The OTLP name the instrument has. */
  readonly name: string;
  /**
   * The series family as Mimir exposes it (infra/mimir/mimir.yaml adds no suffixes; dots
   * become underscores); a histogram is `<prometheus>_bucket`, `_sum` and `_count`.
   */
  readonly prometheus: string;
  readonly kind: InstrumentKind;
  readonly unit: string;
  readonly description: string;
  readonly attributes: readonly string[];
}

export const METRICS = {
  commands: {
    name: 'roboshpee.commands',
    prometheus: 'roboshpee_commands',
    kind: 'counter',
    unit: '{command}',
    description: 'Slash commands handled, by command and outcome.',
    attributes: [ATTR.command, ATTR.outcome],
  },
  commandDuration: {
    name: 'roboshpee.command.duration',
    prometheus: 'roboshpee_command_duration',
    kind: 'histogram',
    unit: 's',
    description: 'Time from receiving a slash command to its reply being sent.',
    attributes: [ATTR.command, ATTR.outcome],
  },
  autocompleteDuration: {
    name: 'roboshpee.autocomplete.duration',
    prometheus: 'roboshpee_autocomplete_duration',
    kind: 'histogram',
    unit: 's',
    description: 'Time to answer an autocomplete request (Discord gives up after 3 s).',
    attributes: [ATTR.command],
  },
  roleChanges: {
    name: 'roboshpee.role.changes',
    prometheus: 'roboshpee_role_changes',
    kind: 'counter',
    unit: '{change}',
    description: 'Roles added, removed or created, by action and manageable role.',
    attributes: [ATTR.roleAction, ATTR.role],
  },
  roleMembers: {
    name: 'roboshpee.role.members',
    prometheus: 'roboshpee_role_members',
    kind: 'observableGauge',
    unit: '{member}',
    description: 'Members holding each manageable role.',
    attributes: [ATTR.role],
  },
  gatewayPing: {
    name: 'roboshpee.gateway.ping',
    prometheus: 'roboshpee_gateway_ping',
    kind: 'observableGauge',
    unit: 's',
    description: 'Heartbeat round trip to the Discord gateway, per shard.',
    attributes: [ATTR.shard],
  },
  discordApiErrors: {
    name: 'roboshpee.discord.api.errors',
    prometheus: 'roboshpee_discord_api_errors',
    kind: 'counter',
    unit: '{error}',
    description: 'Failed Discord REST calls, by route class and HTTP status.',
    attributes: [ATTR.route, ATTR.status],
  },
  discordRateLimits: {
    name: 'roboshpee.discord.rate_limits',
    prometheus: 'roboshpee_discord_rate_limits',
    kind: 'counter',
    unit: '{event}',
    description: 'Times Discord rate-limited a REST call, by route class.',
    attributes: [ATTR.route],
  },
} as const satisfies Record<string, MetricDeclaration>;

/** The host-metrics groups the preload enables (network statistics are left out). */
export const HOST_METRIC_GROUPS = [
  'system.cpu',
  'system.memory',
  'process.cpu',
  'process.memory',
] as const;

export type RuntimeInstrumentKind =
  | InstrumentKind
  | 'observableCounter'
  | 'observableUpDownCounter';

/** A metric that an instrumentation the preload enables emits (names are theirs, not ours). */
export interface RuntimeMetricDeclaration {
  readonly name: string;
  readonly prometheus: string;
  /** What the name does not say, for the README. */
  readonly note?: string;
  readonly kind: RuntimeInstrumentKind;
  /** As emitted: host-metrics leaves some units empty although the values are bytes or ratios. */
  readonly unit: string;
  readonly attributes: readonly string[];
  readonly source:
    | '@opentelemetry/instrumentation-runtime-node'
    | '@opentelemetry/instrumentation-host-metrics'
    | '@opentelemetry/instrumentation-undici';
}

/** How each instrument kind is typed in Prometheus: an up-down counter is not monotonic, so a gauge. */
export const PROMETHEUS_TYPE = {
  counter: 'counter',
  histogram: 'histogram',
  observableGauge: 'gauge',
  observableCounter: 'counter',
  observableUpDownCounter: 'gauge',
} as const satisfies Record<RuntimeInstrumentKind, 'counter' | 'gauge' | 'histogram'>;

const runtimeNode = '@opentelemetry/instrumentation-runtime-node';
const hostMetrics = '@opentelemetry/instrumentation-host-metrics';
const undici = '@opentelemetry/instrumentation-undici';

/**
 * The Node runtime, host and HTTP client metrics the preload turns on, as checked against what the
 * instrumentations really emit (bot/test/telemetry/runtime-metrics.test.ts). Dashboards
 * derive names from here like from METRICS: `process.memory.usage` (RSS, bytes) is
 * `process_memory_usage` in Mimir.
 */
export const RUNTIME_METRICS = {
  eventLoopDelayP50: {
    name: 'nodejs.eventloop.delay.p50',
    prometheus: 'nodejs_eventloop_delay_p50',
    kind: 'observableGauge',
    unit: 's',
    attributes: [],
    source: runtimeNode,
  },
  eventLoopDelayP99: {
    name: 'nodejs.eventloop.delay.p99',
    prometheus: 'nodejs_eventloop_delay_p99',
    kind: 'observableGauge',
    unit: 's',
    attributes: [],
    source: runtimeNode,
  },
  eventLoopDelayMax: {
    name: 'nodejs.eventloop.delay.max',
    prometheus: 'nodejs_eventloop_delay_max',
    kind: 'observableGauge',
    unit: 's',
    attributes: [],
    source: runtimeNode,
  },
  eventLoopDelayMin: {
    name: 'nodejs.eventloop.delay.min',
    prometheus: 'nodejs_eventloop_delay_min',
    kind: 'observableGauge',
    unit: 's',
    attributes: [],
    source: runtimeNode,
  },
  eventLoopDelayMean: {
    name: 'nodejs.eventloop.delay.mean',
    prometheus: 'nodejs_eventloop_delay_mean',
    kind: 'observableGauge',
    unit: 's',
    attributes: [],
    source: runtimeNode,
  },
  eventLoopDelayStddev: {
    name: 'nodejs.eventloop.delay.stddev',
    prometheus: 'nodejs_eventloop_delay_stddev',
    kind: 'observableGauge',
    unit: 's',
    attributes: [],
    source: runtimeNode,
  },
  eventLoopDelayP90: {
    name: 'nodejs.eventloop.delay.p90',
    prometheus: 'nodejs_eventloop_delay_p90',
    kind: 'observableGauge',
    unit: 's',
    attributes: [],
    source: runtimeNode,
  },
  eventLoopUtilization: {
    name: 'nodejs.eventloop.utilization',
    prometheus: 'nodejs_eventloop_utilization',
    kind: 'observableGauge',
    unit: '1',
    attributes: [],
    source: runtimeNode,
  },
  eventLoopTime: {
    name: 'nodejs.eventloop.time',
    prometheus: 'nodejs_eventloop_time',
    kind: 'observableCounter',
    unit: 's',
    attributes: ['nodejs.eventloop.state'],
    source: runtimeNode,
  },
  gcDuration: {
    name: 'v8js.gc.duration',
    prometheus: 'v8js_gc_duration',
    kind: 'histogram',
    unit: 's',
    attributes: ['v8js.gc.type'],
    source: runtimeNode,
  },
  heapUsed: {
    name: 'v8js.memory.heap.used',
    prometheus: 'v8js_memory_heap_used',
    kind: 'observableGauge',
    unit: 'By',
    attributes: ['v8js.heap.space.name'],
    source: runtimeNode,
  },
  heapSpaceAvailable: {
    name: 'v8js.memory.heap.space.available_size',
    prometheus: 'v8js_memory_heap_space_available_size',
    kind: 'observableGauge',
    unit: 'By',
    attributes: ['v8js.heap.space.name'],
    source: runtimeNode,
  },
  heapSpacePhysical: {
    name: 'v8js.memory.heap.space.physical_size',
    prometheus: 'v8js_memory_heap_space_physical_size',
    kind: 'observableGauge',
    unit: 'By',
    attributes: ['v8js.heap.space.name'],
    source: runtimeNode,
  },
  heapSpaceSize: {
    name: 'v8js.memory.heap.space.size',
    prometheus: 'v8js_memory_heap_space_size',
    kind: 'observableUpDownCounter',
    unit: 'By',
    attributes: ['v8js.heap.space.name'],
    source: runtimeNode,
  },
  activeResources: {
    name: 'v8js.resource.active',
    prometheus: 'v8js_resource_active',
    kind: 'observableGauge',
    unit: '{resource}',
    attributes: ['v8js.resource.type'],
    source: runtimeNode,
  },
  processCpuTime: {
    name: 'process.cpu.time',
    prometheus: 'process_cpu_time',
    kind: 'observableCounter',
    unit: 's',
    attributes: ['cpu.mode'],
    source: hostMetrics,
  },
  processCpuUtilization: {
    name: 'process.cpu.utilization',
    prometheus: 'process_cpu_utilization',
    note: 'a ratio, emitted without a unit',
    kind: 'observableGauge',
    unit: '',
    attributes: ['cpu.mode'],
    source: hostMetrics,
  },
  processMemoryUsage: {
    name: 'process.memory.usage',
    prometheus: 'process_memory_usage',
    note: 'RSS, bytes emitted without a unit',
    kind: 'observableGauge',
    unit: '',
    attributes: [],
    source: hostMetrics,
  },
  systemCpuTime: {
    name: 'system.cpu.time',
    prometheus: 'system_cpu_time',
    kind: 'observableCounter',
    unit: 's',
    attributes: ['cpu.mode', 'cpu.logical_number'],
    source: hostMetrics,
  },
  systemCpuUtilization: {
    name: 'system.cpu.utilization',
    prometheus: 'system_cpu_utilization',
    note: 'a ratio, emitted without a unit',
    kind: 'observableGauge',
    unit: '',
    attributes: ['cpu.mode', 'cpu.logical_number'],
    source: hostMetrics,
  },
  systemMemoryUsage: {
    name: 'system.memory.usage',
    prometheus: 'system_memory_usage',
    note: 'bytes, emitted without a unit',
    kind: 'observableGauge',
    unit: '',
    attributes: ['system.memory.state'],
    source: hostMetrics,
  },
  systemMemoryUtilization: {
    name: 'system.memory.utilization',
    prometheus: 'system_memory_utilization',
    note: 'a ratio, emitted without a unit',
    kind: 'observableGauge',
    unit: '',
    attributes: ['system.memory.state'],
    source: hostMetrics,
  },
  httpClientDuration: {
    name: 'http.client.request.duration',
    prometheus: 'http_client_request_duration',
    note: 'Discord REST calls; `error.type` joins on failed calls',
    kind: 'histogram',
    unit: 's',
    attributes: [
      'http.request.method',
      'http.response.status_code',
      'network.protocol.version',
      'server.address',
      'server.port',
      'url.scheme',
    ],
    source: undici,
  },
} as const satisfies Record<string, RuntimeMetricDeclaration>;
