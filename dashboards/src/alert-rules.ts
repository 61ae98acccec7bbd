import * as alerting from '@grafana/grafana-foundation-sdk/alerting';
import * as expr from '@grafana/grafana-foundation-sdk/expr';
import * as prometheus from '@grafana/grafana-foundation-sdk/prometheus';
import { COLLECTOR_ITEMS, LOSS_COUNTERS } from './alloy-series.js';
import { BOT_LABEL, BOT_METRIC, BOT_SERVICE, FAILED_OUTCOMES } from './bot-series.js';
import { BOT_OVERVIEW_UID, STACK_HEALTH_UID } from './dashboard-uids.js';
import { MIMIR } from './datasources.js';
import { type RunbookName, runbookUrl } from './runbook.js';

type Comparison = 'gt' | 'lt';

/**
 * critical: people using the bot are affected now; warning: the bot works, but something
 * needs a look soon (slow replies, telemetry missing). Notification policies can route on it.
 */
export type Severity = 'critical' | 'warning';

interface RuleSpec {
  readonly uid: string;
  readonly title: string;
  /** PromQL evaluated instantly against Mimir; its value is compared with `threshold`. */
  readonly expr: string;
  readonly threshold: { readonly is: Comparison; readonly value: number };
  /** How long the condition must hold before the alert fires. */
  readonly pending: string;
  /** What an empty result means: `OK` when silence is normal (no commands, nothing to judge). */
  readonly noData: 'OK' | 'Alerting';
  readonly summary: string;
  readonly severity: Severity;
  /** What to do, dashboards/runbooks/<name>.md, shown on the Runbooks dashboard. */
  readonly runbook: RunbookName;
  readonly dashboardUid: string;
}

const env = 'deployment_environment_name';
const lossTerms = Object.values(COLLECTOR_ITEMS).flatMap((items) =>
  Object.values(LOSS_COUNTERS).map((counter) => counter(items)),
);

export const RULES: readonly RuleSpec[] = [
  {
    uid: 'roboshpee-bot-down',
    title: 'Bot down',
    // `or vector(0)` turns "no series at all" into a value, so silence fires instead of hiding.
    expr: `sum(count_over_time({job="${BOT_SERVICE}"}[2m])) or vector(0)`,
    threshold: { is: 'lt', value: 1 },
    pending: '0s',
    noData: 'Alerting',
    summary: 'RoboShpee sent no metrics for 2 minutes: the bot or its telemetry pipeline is down.',
    severity: 'critical',
    runbook: 'bot-down',
    dashboardUid: BOT_OVERVIEW_UID,
  },
  {
    uid: 'roboshpee-command-errors',
    title: 'Command error ratio above 5%',
    expr: `sum by (${env}) (rate(${BOT_METRIC.commands}{job="${BOT_SERVICE}", ${BOT_LABEL.outcome}=~"${FAILED_OUTCOMES}"}[5m])) / sum by (${env}) (rate(${BOT_METRIC.commands}{job="${BOT_SERVICE}"}[5m]))`,
    threshold: { is: 'gt', value: 0.05 },
    pending: '5m',
    noData: 'OK',
    summary:
      'More than 5 % of slash commands ended forbidden or in error for 5 minutes ({{ $labels.deployment_environment_name }}). Forbidden usually means the bot lost Manage Roles or its role sits too low.',
    severity: 'critical',
    runbook: 'command-error-ratio',
    dashboardUid: BOT_OVERVIEW_UID,
  },
  {
    uid: 'roboshpee-command-latency',
    title: 'Command latency p95 above 2 s',
    expr: `histogram_quantile(0.95, sum by (le, ${env}) (rate(${BOT_METRIC.commandDuration}_bucket{job="${BOT_SERVICE}"}[5m])))`,
    threshold: { is: 'gt', value: 2 },
    pending: '5m',
    noData: 'OK',
    summary:
      'p95 slash command reply time above 2 s for 5 minutes ({{ $labels.deployment_environment_name }}); Discord gives up at 3 s.',
    severity: 'warning',
    runbook: 'command-latency',
    dashboardUid: BOT_OVERVIEW_UID,
  },
  {
    uid: 'roboshpee-telemetry-dropped',
    title: 'Telemetry dropped in Alloy',
    expr: lossTerms.map((metric) => `(sum(rate(${metric}[5m])) or vector(0))`).join(' + '),
    threshold: { is: 'gt', value: 0 },
    pending: '2m',
    noData: 'OK',
    summary:
      'Alloy refused, failed to export or had no queue room for telemetry for 2 minutes: spans, metrics or logs are missing downstream.',
    severity: 'warning',
    runbook: 'telemetry-dropped',
    dashboardUid: STACK_HEALTH_UID,
  },
  {
    uid: 'roboshpee-backend-not-ready',
    title: 'Backend not ready',
    expr: 'min by (job, instance) (up)',
    threshold: { is: 'lt', value: 1 },
    pending: '1m',
    // No `up` series at all means Alloy scrapes nothing: the stack is broken, not quiet.
    noData: 'Alerting',
    summary:
      '{{ $labels.job }} ({{ $labels.instance }}) has not answered its metrics scrape for a minute.',
    severity: 'warning',
    runbook: 'backend-not-ready',
    dashboardUid: STACK_HEALTH_UID,
  },
];

function buildRule(spec: RuleSpec): alerting.Rule {
  const query = new alerting.QueryBuilder('A')
    .datasourceUid(MIMIR.uid)
    .relativeTimeRange({ from: 600, to: 0 })
    .model(
      new prometheus.DataqueryBuilder().datasource(MIMIR).refId('A').expr(spec.expr).instant(),
    );
  const condition = new alerting.QueryBuilder('C').datasourceUid('__expr__').model(
    new expr.TypeThresholdBuilder()
      .refId('C')
      .expression('A')
      .conditions([{ evaluator: { type: spec.threshold.is, params: [spec.threshold.value] } }]),
  );
  return (
    new alerting.RuleBuilder(spec.title)
      .uid(spec.uid)
      .withQuery(query)
      .withQuery(condition)
      .condition('C')
      .forDuration(spec.pending)
      .noDataState(spec.noData)
      // A failing query (Mimir down) fires Grafana's own DatasourceError alert.
      .execErrState('Error')
      // A path rather than Grafana's dashboardUid link: at startup Grafana provisions alert
      // rules before dashboards, so a link to a dashboard not yet there could fail.
      .annotations({
        summary: spec.summary,
        runbook_url: runbookUrl(spec.runbook),
        dashboard: `/d/${spec.dashboardUid}`,
      })
      .labels({ service: BOT_SERVICE, severity: spec.severity })
      .build()
  );
}

export const alertRules = (): alerting.Rule[] => RULES.map(buildRule);
