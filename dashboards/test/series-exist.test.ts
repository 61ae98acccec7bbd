import { describe, expect, it } from 'vitest';
import { baseResource } from '../../bot/src/telemetry-sdk/resource.js';
import { loadCompose, serviceNamed } from '../../harness/compose/compose.js';
import { alertQueries, dashboardQueries } from '../../harness/dashboards/extracted-queries.js';
import { logqlProblems } from '../../harness/dashboards/logql-check.js';
import { profileProblems } from '../../harness/dashboards/profile-check.js';
import { labelValuesProblems, promqlProblems } from '../../harness/dashboards/promql-check.js';
import { traceqlProblems } from '../../harness/dashboards/traceql-check.js';
import { BOT_SERVICE } from '../src/bot-series.js';
import { TEMPO_GENERATED } from '../src/stack-series.js';
import { producedSeries } from './catalogue/index.js';
import { tempoSendsExemplars } from './catalogue/tempo-series.js';

const catalogue = producedSeries();
const queries = [...dashboardQueries(), ...alertQueries()];

/** Service-graph series Grafana's Tempo service map queries through `serviceMap.datasourceUid`. */
const { requests, failedRequests, serverSeconds } = TEMPO_GENERATED.serviceGraphs;
const SERVICE_MAP_SERIES = [requests.name, failedRequests.name, `${serverSeconds.name}_bucket`];

function problemsOf(query: (typeof queries)[number]): string[] {
  switch (query.language) {
    case 'promql':
      return promqlProblems(query.text, catalogue);
    case 'labelValues':
      return labelValuesProblems(query.text, catalogue);
    case 'logql':
      return logqlProblems(query.text);
    case 'traceql':
      return traceqlProblems(query.text);
    case 'profile':
      return profileProblems(query.profileTypeId, query.text);
    case 'serviceMap':
      return SERVICE_MAP_SERIES.filter((name) => !catalogue.has(name)).map(
        (name) => `service map needs "${name}", which Tempo is not configured to produce`,
      );
  }
}

describe('every query asks for series the system produces', () => {
  it.each(queries.map((query) => [query.where, query] as const))('%s', (where, query) => {
    // The message names the panel and the missing name, which is what a "No data" hunt needs.
    expect(problemsOf(query).join('; '), `${where}: ${query.text}`).toBe('');
  });

  it.each(
    queries.filter((query) => query.exemplar).map((query) => [query.where, query.text] as const),
  )('exemplars come from Tempo span metrics sent with exemplars: %s', (_where, text) => {
    // The JS metrics SDK records no exemplars; only the metrics generator's series carry them.
    expect(text).toMatch(/traces_spanmetrics_latency_bucket/);
    expect(tempoSendsExemplars()).toBe(true);
  });
});

describe('the service the queries select is the one the bot reports', () => {
  it('is the telemetry resource service.name (job in Mimir, service in Tempo, service_name in Loki)', () => {
    expect(baseResource('demo', undefined).attributes['service.name']).toBe(BOT_SERVICE);
  });

  it('is not overridden by the compose deployment', () => {
    const bot = serviceNamed(loadCompose(), 'bot').environment;
    expect(bot.OTEL_SERVICE_NAME ?? BOT_SERVICE).toBe(BOT_SERVICE);
    expect(bot.OTEL_RESOURCE_ATTRIBUTES ?? '').not.toContain('service.name=');
  });
});

describe('the series check fails on names and labels the system does not produce', () => {
  it.each([
    [
      'a metric with a suffix Mimir does not add',
      'rate(roboshpee_commands_total[5m])',
      'roboshpee_commands_total',
    ],
    [
      'a histogram without _bucket',
      'histogram_quantile(0.9, rate(roboshpee_command_duration[5m]))',
      'roboshpee_command_duration',
    ],
    ['a label the bot does not set', 'roboshpee_commands{command="/role add"}', 'label "command"'],
    ['a dotted attribute name', 'sum by (command.name) (roboshpee_commands)', 'syntax error'],
    [
      'grouping by a missing label',
      'sum by (guild) (rate(roboshpee_commands[5m]))',
      'grouping label "guild"',
    ],
    ['le on a counter', 'sum by (le) (rate(roboshpee_commands[5m]))', 'grouping label "le"'],
    [
      'a span-metrics dimension Tempo does not add',
      'traces_spanmetrics_calls_total{command_name="x"}',
      'label "command_name"',
    ],
    [
      'a component Alloy does not scrape',
      'prometheus_tsdb_head_series',
      'prometheus_tsdb_head_series',
    ],
  ] as const)('%s', (_case, expr, named) => {
    expect(promqlProblems(expr, catalogue).join('\n')).toContain(named);
  });

  it('rejects a variable listing a label its selector lacks', () => {
    expect(
      labelValuesProblems('label_values({job="roboshpee"}, cluster)', catalogue).join(),
    ).toContain('"cluster"');
  });

  it('rejects a profile type the bot does not upload and a label its profiles lack', () => {
    expect(profileProblems('process_cpu:cpu:nanoseconds:cpu:nanoseconds', '{}').join()).toContain(
      'process_cpu',
    );
    expect(
      profileProblems('wall:cpu:nanoseconds:wall:nanoseconds', '{job="roboshpee"}').join(),
    ).toContain('"job"');
  });

  it('rejects a stream label Loki does not index and a span attribute the bot does not set', () => {
    expect(logqlProblems('{job="roboshpee"}').join()).toContain('"job"');
    expect(traceqlProblems('{span.guild = "1"}').join()).toContain('span.guild');
  });
});
