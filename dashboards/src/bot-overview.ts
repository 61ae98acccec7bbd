import {
  LogsSortOrder,
  TableSortByFieldStateBuilder,
} from '@grafana/grafana-foundation-sdk/common';
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import * as logs from '@grafana/grafana-foundation-sdk/logs';
import * as nodegraph from '@grafana/grafana-foundation-sdk/nodegraph';
import * as table from '@grafana/grafana-foundation-sdk/table';
import { BOT_LABEL, BOT_METRIC, FAILED_OUTCOMES } from './bot-series.js';
import { roboshpeeDashboard, withRows } from './dashboard-defaults.js';
import { BOT_OVERVIEW_UID } from './dashboard-uids.js';
import {
  logsPanel,
  metricsTimeseries,
  serviceMapPanel,
  thresholds,
  tracesPanel,
} from './panels.js';
import { rate } from './promql.js';
import {
  botSelector,
  botSpanConditions,
  botSpanMetricSelector,
  botStreamSelector,
} from './selectors.js';
import { environmentVariable, instanceVariable, shardVariable } from './variables.js';

const command = BOT_LABEL.command;
const outcome = BOT_LABEL.outcome;
const commands = `${BOT_METRIC.commands}${botSelector()}`;
const failedCommands = `${BOT_METRIC.commands}${botSelector(`${outcome}=~"${FAILED_OUTCOMES}"`)}`;

/** p50/p95/p99 of a bot histogram over all its series. */
const latencyQuantiles = (histogram: string) =>
  ([0.5, 0.95, 0.99] as const).map((q) => ({
    expr: `histogram_quantile(${q}, sum by (le) (${rate(`${histogram}_bucket${botSelector()}`)}))`,
    legend: `p${Math.round(q * 100)}`,
  }));

/** Discord abandons a command reply after 3 s; 2 s is the alerting threshold. */
const LATENCY_LIMITS = thresholds({ value: 1, color: 'yellow' }, { value: 2, color: 'red' });

const commandRed = [
  metricsTimeseries(
    {
      title: 'Command rate',
      description: 'Slash commands handled per second, by command.',
      unit: 'reqps',
      width: 8,
    },
    [{ expr: `sum by (${command}) (${rate(commands)})`, legend: `{{${command}}}` }],
  ),
  metricsTimeseries(
    {
      title: 'Command error ratio',
      description:
        'Share of commands that ended `forbidden` (missing Manage Roles or role hierarchy) or `error`, by command. The alert fires above 5 % for 5 minutes.',
      unit: 'percentunit',
      width: 8,
    },
    [
      {
        expr: `sum by (${command}) (${rate(failedCommands)}) / sum by (${command}) (${rate(commands)})`,
        legend: `{{${command}}}`,
      },
    ],
    thresholds({ value: 0.01, color: 'yellow' }, { value: 0.05, color: 'red' }),
  ),
  metricsTimeseries(
    {
      title: 'Command outcomes',
      description:
        'Commands per second by outcome: ok, rejected (the user’s mistake), forbidden, error.',
      unit: 'reqps',
      width: 8,
    },
    [{ expr: `sum by (${outcome}) (${rate(commands)})`, legend: `{{${outcome}}}` }],
  ),
  metricsTimeseries(
    {
      title: 'Command latency',
      description:
        'p50, p95 and p99 time from receiving a slash command to sending its reply, all commands.',
      unit: 's',
    },
    latencyQuantiles(BOT_METRIC.commandDuration),
    LATENCY_LIMITS,
  ),
  metricsTimeseries(
    {
      title: 'Command latency p95 by command',
      description: 'p95 reply time per command: which command is slow.',
      unit: 's',
    },
    [
      {
        expr: `histogram_quantile(0.95, sum by (le, ${command}) (${rate(`${BOT_METRIC.commandDuration}_bucket${botSelector()}`)}))`,
        legend: `{{${command}}}`,
      },
    ],
    LATENCY_LIMITS,
  ),
  metricsTimeseries(
    {
      title: 'Command latency with trace exemplars',
      description:
        'p95 duration of the bot’s command spans, from Tempo’s span metrics. The dots are exemplars: click one to open that trace in Tempo. (The JavaScript metrics SDK records no exemplars; these come from the Tempo metrics generator.)',
      unit: 's',
      width: 24,
    },
    [
      {
        expr: `histogram_quantile(0.95, sum by (le, span_name) (${rate(`traces_spanmetrics_latency_bucket${botSpanMetricSelector('span_name!~".* autocomplete"')}`)}))`,
        legend: '{{span_name}}',
        exemplar: true,
      },
    ],
    LATENCY_LIMITS,
  ),
  metricsTimeseries(
    {
      title: 'Autocomplete latency',
      description:
        'p50, p95 and p99 time to answer an autocomplete request. Discord drops answers after 3 s.',
      unit: 's',
      width: 24,
    },
    latencyQuantiles(BOT_METRIC.autocompleteDuration),
    thresholds({ value: 1, color: 'yellow' }, { value: 3, color: 'red' }),
  ),
];

const role = BOT_LABEL.role;
const roles = [
  metricsTimeseries(
    {
      title: 'Role changes by role',
      description: 'Roles added, removed or requested for creation per second, by role and action.',
      unit: 'ops',
    },
    [
      {
        expr: `sum by (${role}, ${BOT_LABEL.roleAction}) (${rate(`${BOT_METRIC.roleChanges}${botSelector()}`)})`,
        legend: `{{${BOT_LABEL.roleAction}}} {{${role}}}`,
      },
    ],
  ),
  metricsTimeseries(
    {
      title: 'Members per role',
      description: 'Members holding each manageable game role.',
      unit: 'short',
    },
    [
      {
        expr: `max by (${role}) (${BOT_METRIC.roleMembers}${botSelector()})`,
        legend: `{{${role}}}`,
      },
    ],
  ),
];

const route = BOT_LABEL.route;
const discord = [
  metricsTimeseries(
    {
      title: 'Discord API errors',
      description: 'Failed Discord REST calls per second, by route class and HTTP status.',
      unit: 'reqps',
      width: 8,
    },
    [
      {
        expr: `sum by (${route}, ${BOT_LABEL.status}) (${rate(`${BOT_METRIC.discordApiErrors}${botSelector()}`)})`,
        legend: `{{${route}}} {{${BOT_LABEL.status}}}`,
      },
    ],
    thresholds({ value: 0.1, color: 'red' }),
  ),
  metricsTimeseries(
    {
      title: 'Discord rate limits',
      description: 'Times per second Discord rate-limited a REST call, by route class.',
      unit: 'ops',
      width: 8,
    },
    [
      {
        expr: `sum by (${route}) (${rate(`${BOT_METRIC.discordRateLimits}${botSelector()}`)})`,
        legend: `{{${route}}}`,
      },
    ],
    thresholds({ value: 0.1, color: 'yellow' }),
  ),
  metricsTimeseries(
    {
      title: 'Gateway ping',
      description: 'Heartbeat round trip to the Discord gateway, per instance and shard.',
      unit: 's',
      width: 8,
    },
    [
      {
        expr: `max by (instance, ${BOT_LABEL.shard}) (${BOT_METRIC.gatewayPing}${botSelector(`${BOT_LABEL.shard}=~"$shard"`)})`,
        legend: `{{instance}} shard {{${BOT_LABEL.shard}}}`,
      },
    ],
    thresholds({ value: 0.25, color: 'yellow' }, { value: 1, color: 'red' }),
  ),
];

const signals = [
  logsPanel(
    new logs.PanelBuilder()
      .showTime(true)
      .wrapLogMessage(true)
      .enableLogDetails(true)
      .sortOrder(LogsSortOrder.Descending),
    {
      title: 'Error logs',
      description:
        'The bot’s error and fatal log records (OTLP logs in Loki). Expand a line: its trace_id links to the trace in Tempo.',
      unit: 'none',
      width: 24,
      height: 10,
    },
    `${botStreamSelector} | severity_text=~"(?i)error|fatal"`,
  ),
  tracesPanel(
    new table.PanelBuilder().sortBy([
      new TableSortByFieldStateBuilder().displayName('Duration').desc(true),
    ]),
    {
      title: 'Slowest recent traces',
      description:
        'Recent interactions that took longer than 1 s, slowest first. Click a trace id to open it.',
      unit: 'ms',
    },
    `{${botSpanConditions} && kind = server && duration > 1s}`,
    20,
  ),
  tracesPanel(
    new table.PanelBuilder(),
    {
      title: 'Failed recent traces',
      description: 'Recent traces with a span whose status is error. Click a trace id to open it.',
      unit: 'ms',
    },
    `{${botSpanConditions} && status = error}`,
    20,
  ),
  serviceMapPanel(new nodegraph.PanelBuilder(), {
    title: 'Service graph',
    description:
      'Calls between the bot and Discord, from Tempo’s service-graph metrics: request rate, error rate and latency per edge.',
    unit: 'reqps',
    width: 24,
    height: 10,
  }),
];

export function botOverview(): Dashboard {
  const builder = roboshpeeDashboard(
    BOT_OVERVIEW_UID,
    'RoboShpee / Bot overview',
    'What the bot does and how well: commands (rate, errors, latency), roles, Discord API health, error logs and traces.',
  )
    .withVariable(environmentVariable)
    .withVariable(instanceVariable)
    .withVariable(shardVariable);
  return withRows(builder, {
    Commands: commandRed,
    Roles: roles,
    Discord: discord,
    'Logs and traces': signals,
  }).build();
}
