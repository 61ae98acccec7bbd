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
    description: 'Heartbeat round trip to the Discord gateway.',
    attributes: [],
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
