/**
 * The bot's telemetry contract: every metric instrument and attribute the bot emits,
 * declared once as data. The instruments are created from these declarations, and the
 * dashboard and alert checks derive the names they may query from them, so a rename here
 * that a panel does not follow fails `npm test`.
 */

/** Span and metric attribute keys. In Mimir, dots become underscores (`command.outcome` -> `command_outcome`). */
export const ATTR = {
  command: 'command.name',
  subcommand: 'command.subcommand',
  outcome: 'command.outcome',
  guild: 'discord.guild.id',
  user: 'discord.user.hash',
  role: 'discord.role.name',
  roleAction: 'discord.role.action',
  route: 'discord.api.route',
  status: 'http.response.status_code',
  /** `command` or `autocomplete`: which kind of interaction a span answers. */
  interactionType: 'discord.interaction.type',
  /**
   * The gateway shard (0-based) a guild's events arrive on. One process may hold several
   * shards (discord.js internal sharding), so this is per span and per data point, not a
   * resource attribute.
   */
  shard: 'discord.shard.id',
} as const;

/** Span names besides the interaction spans (which are named after the command). */
export const SPANS = {
  /** Resolving a typed role name against the manageable roles. */
  roleLookup: 'role lookup',
} as const;

/**
 * How an interaction ended. `rejected` is the user's doing (unknown role, already has it);
 * `forbidden` is the server's setup (Discord 50013: Manage Roles or hierarchy);
 * `error` is everything else (Discord 5xx, timeouts, bugs). Error ratios count
 * `forbidden` and `error`.
 */
export const OUTCOMES = ['ok', 'rejected', 'forbidden', 'error'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The value a role attribute takes when the name is not one of the manageable roles. */
export const OTHER_ROLE = 'other';

/** Buckets for command latency: 5 ms (a cache hit) to 10 s (a retried, rate-limited call). */
export const DURATION_BUCKETS_SECONDS = [
  0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
] as const;

export type InstrumentKind = 'counter' | 'histogram' | 'observableGauge';

export interface MetricDeclaration {
  readonly name: string;
  readonly kind: InstrumentKind;
  readonly unit: string;
  readonly description: string;
  readonly attributes: readonly string[];
}

export const METRICS = {
  commands: {
    name: 'roboshpee.commands',
    kind: 'counter',
    unit: '{command}',
    description: 'Slash commands handled, by command and outcome.',
    attributes: [ATTR.command, ATTR.outcome],
  },
  commandDuration: {
    name: 'roboshpee.command.duration',
    kind: 'histogram',
    unit: 's',
    description: 'Time from receiving a slash command to its reply being sent.',
    attributes: [ATTR.command, ATTR.outcome],
  },
  autocompleteDuration: {
    name: 'roboshpee.autocomplete.duration',
    kind: 'histogram',
    unit: 's',
    description: 'Time to answer an autocomplete request (Discord gives up after 3 s).',
    attributes: [ATTR.command],
  },
  roleChanges: {
    name: 'roboshpee.role.changes',
    kind: 'counter',
    unit: '{change}',
    description: 'Roles added, removed or created, by action and manageable role.',
    attributes: [ATTR.roleAction, ATTR.role],
  },
  roleMembers: {
    name: 'roboshpee.role.members',
    kind: 'observableGauge',
    unit: '{member}',
    description: 'Members holding each manageable role.',
    attributes: [ATTR.role],
  },
  gatewayPing: {
    name: 'roboshpee.gateway.ping',
    kind: 'observableGauge',
    unit: 's',
    description: 'Heartbeat round trip to the Discord gateway, per shard.',
    attributes: [ATTR.shard],
  },
  discordApiErrors: {
    name: 'roboshpee.discord.api.errors',
    kind: 'counter',
    unit: '{error}',
    description: 'Failed Discord REST calls, by route class and HTTP status.',
    attributes: [ATTR.route, ATTR.status],
  },
  discordRateLimits: {
    name: 'roboshpee.discord.rate_limits',
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
  readonly kind: RuntimeInstrumentKind;
  /** As emitted: host-metrics leaves some units empty although the values are bytes or ratios. */
  readonly unit: string;
  readonly attributes: readonly string[];
  readonly source:
    | '@opentelemetry/instrumentation-runtime-node'
    | '@opentelemetry/instrumentation-host-metrics'
    | '@opentelemetry/instrumentation-undici';
}

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
    kind: 'observableGauge',
    unit: 's',
    attributes: [],
    source: runtimeNode,
  },
  eventLoopDelayP99: {
    name: 'nodejs.eventloop.delay.p99',
    kind: 'observableGauge',
    unit: 's',
    attributes: [],
    source: runtimeNode,
  },
  eventLoopDelayMax: {
    name: 'nodejs.eventloop.delay.max',
    kind: 'observableGauge',
    unit: 's',
    attributes: [],
    source: runtimeNode,
  },
  eventLoopUtilization: {
    name: 'nodejs.eventloop.utilization',
    kind: 'observableGauge',
    unit: '1',
    attributes: [],
    source: runtimeNode,
  },
  eventLoopTime: {
    name: 'nodejs.eventloop.time',
    kind: 'observableCounter',
    unit: 's',
    attributes: ['nodejs.eventloop.state'],
    source: runtimeNode,
  },
  gcDuration: {
    name: 'v8js.gc.duration',
    kind: 'histogram',
    unit: 's',
    attributes: ['v8js.gc.type'],
    source: runtimeNode,
  },
  heapUsed: {
    name: 'v8js.memory.heap.used',
    kind: 'observableGauge',
    unit: 'By',
    attributes: ['v8js.heap.space.name'],
    source: runtimeNode,
  },
  heapSpaceSize: {
    name: 'v8js.memory.heap.space.size',
    kind: 'observableUpDownCounter',
    unit: 'By',
    attributes: ['v8js.heap.space.name'],
    source: runtimeNode,
  },
  activeResources: {
    name: 'v8js.resource.active',
    kind: 'observableGauge',
    unit: '{resource}',
    attributes: ['v8js.resource.type'],
    source: runtimeNode,
  },
  processCpuTime: {
    name: 'process.cpu.time',
    kind: 'observableCounter',
    unit: 's',
    attributes: ['cpu.mode'],
    source: hostMetrics,
  },
  processCpuUtilization: {
    name: 'process.cpu.utilization',
    kind: 'observableGauge',
    unit: '',
    attributes: ['cpu.mode'],
    source: hostMetrics,
  },
  processMemoryUsage: {
    name: 'process.memory.usage',
    kind: 'observableGauge',
    unit: '',
    attributes: [],
    source: hostMetrics,
  },
  systemCpuUtilization: {
    name: 'system.cpu.utilization',
    kind: 'observableGauge',
    unit: '',
    attributes: ['cpu.mode', 'cpu.logical_number'],
    source: hostMetrics,
  },
  systemMemoryUsage: {
    name: 'system.memory.usage',
    kind: 'observableGauge',
    unit: '',
    attributes: ['system.memory.state'],
    source: hostMetrics,
  },
  /** Discord REST calls (discord.js uses undici); `error.type` joins on failed calls. */
  httpClientDuration: {
    name: 'http.client.request.duration',
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
