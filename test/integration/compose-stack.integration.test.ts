import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, test } from 'vitest';
import { BOT_SERVICE } from '../../bot/src/contract/resource.js';
import { DISCORD_PEER_SERVICE } from '../../bot/src/telemetry-sdk/rest-span-hooks.js';
import { BOT_OVERVIEW_UID } from '../../dashboards/src/dashboard-uids.js';
import { hasData } from '../../harness/backends/grafana-answers.js';
import {
  datasourceHealth,
  dsQuery,
  searchDashboards,
} from '../../harness/backends/grafana-client.js';
import { requestJson } from '../../harness/backends/http-json.js';
import { notYet, pollUntil } from '../../harness/backends/poll.js';
import { instantQuery, queryExemplars } from '../../harness/backends/prometheus-client.js';
import { spanTree } from '../../harness/backends/span-tree.js';
import { waitForTrace } from '../../harness/backends/tempo-client.js';
import { tracesToLogsQuery, tracesToLogsSettings } from '../../harness/backends/traces-to-logs.js';
import { sendInteraction } from '../../harness/bot/demo-control.js';
import { composeServiceNames } from '../../harness/compose/compose-service.js';
import {
  provisionedDashboardFiles,
  provisionedDatasources,
} from '../../harness/configs/grafana-provisioning.js';
import { composeStackSuite } from '../../harness/containers/compose-stack-suite.js';
import { SERVICE, stackFacts, TELEMETRY } from '../../harness/containers/stack-facts.js';
import { reportTiming, since } from '../../harness/containers/timings.js';
import { viewDashboards } from '../../harness/dashboards/dashboard-browser.js';
import { dashboardQueries } from '../../harness/dashboards/dashboard-queries.js';
import { REPO_ROOT } from '../../harness/repo/repo.js';
import { COMPOSE_FILE } from '../../harness/repo/stack-files.js';

const SUITE = 'Compose stack';
/** What Grafana is provisioned with, read on first use (see stackFacts). */
function provisioned() {
  const { service } = stackFacts().grafana;
  return {
    datasources: provisionedDatasources(service),
    dashboards: provisionedDashboardFiles(service).map((file) =>
      dashboardQueries(JSON.parse(readFileSync(file, 'utf8'))),
    ),
  };
}
/** The bar: panels are judged after the demo has run this long. */
const DEMO_WARMUP_MS = 60_000;
/** The bar: from `docker compose up` (images at hand) to every service healthy. */
const HEALTHY_WITHIN_MS = 45_000;
const SCREENSHOTS = resolve(REPO_ROOT, 'test-results/screenshots');

function datasource(type: string) {
  const found = provisioned().datasources.find((d) => d.type === type);
  if (found === undefined) throw new Error(`no provisioned datasource of type ${type}`);
  return found;
}

describe(`${SUITE}: docker compose up of ${COMPOSE_FILE}, Grafana and its dashboards`, () => {
  const stackSuite = composeStackSuite(SUITE, 'stack');
  const { running } = stackSuite;
  let healthyAt = 0;
  let grafanaUrl = '';

  /** Waits until the demo has run DEMO_WARMUP_MS since the stack was healthy. */
  const afterWarmup = async () => {
    const left = DEMO_WARMUP_MS - since(healthyAt);
    if (left > 0) await sleep(left);
  };

  beforeAll(async () => {
    if (!stackSuite.shouldRun()) return;
    healthyAt = performance.now();
    grafanaUrl = running().url(SERVICE.grafana, stackFacts().grafana.httpPort);
  });

  test('every service of compose.yaml is running and answers its readiness endpoint', async () => {
    const names = composeServiceNames(readFileSync(resolve(REPO_ROOT, COMPOSE_FILE), 'utf8'));
    for (const name of names) expect(() => running().container(name), name).not.toThrow();
    const readiness = [
      [SERVICE.tempo, stackFacts().tempo.httpPort, '/ready'],
      [SERVICE.loki, stackFacts().loki.httpPort, '/ready'],
      [SERVICE.mimir, stackFacts().mimir.httpPort, '/ready'],
      [SERVICE.alloy, stackFacts().alloy.httpPort, '/-/ready'],
      [SERVICE.pyroscope, stackFacts().pyroscope.httpPort, '/ready'],
      [SERVICE.grafana, stackFacts().grafana.httpPort, '/api/health'],
      [SERVICE.bot, stackFacts().botDemoPort, '/_demo/healthz'],
    ] as const;
    for (const [service, port, path] of readiness) {
      const response = await requestJson(`${running().url(service, port)}${path}`);
      expect(response.status, `${service} ${path}`).toBe(200);
    }
  });

  test(`the whole stack is healthy within ${HEALTHY_WITHIN_MS / 1000} s of its first container starting`, () => {
    // Build and pull time are left out: they are the machine's, not the stack's.
    expect(
      running().startedToReadyMs,
      'infra/loki/loki.yaml min_ready_duration and the healthchecks in compose.yaml bound this',
    ).toBeLessThanOrEqual(HEALTHY_WITHIN_MS);
  });

  test("Grafana's provisioned datasources pass their health checks", async () => {
    for (const { uid } of provisioned().datasources) {
      const { value, elapsedMs } = await pollUntil(
        async () => {
          const health = await datasourceHealth(grafanaUrl, uid);
          return health.ok ? health : notYet(health.message);
        },
        { description: `datasource ${uid} healthy`, timeoutMs: 90_000, intervalMs: 2_000 },
      );
      reportTiming(SUITE, `datasource ${uid} healthy after`, elapsedMs);
      expect(value.ok).toBe(true);
    }
  });

  test('every provisioned dashboard exists in Grafana', async () => {
    const expected = provisioned()
      .dashboards.map((d) => d.uid)
      .sort();
    const { value: found } = await pollUntil(
      async () => {
        const uids = (await searchDashboards(grafanaUrl)).map((d) => d.uid);
        return expected.every((uid) => uids.includes(uid))
          ? uids
          : notYet(`found ${uids.join(', ') || 'none'}`);
      },
      { description: `dashboards ${expected.join(', ')}`, timeoutMs: 60_000, intervalMs: 2_000 },
    );
    expect(found).toEqual(expect.arrayContaining(expected));
  });

  test('every panel query of the bot overview returns data after a minute of demo', async () => {
    await afterWarmup();
    const overview = provisioned().dashboards.find((d) => d.uid === BOT_OVERVIEW_UID);
    expect(overview, `dashboard ${BOT_OVERVIEW_UID} is provisioned`).toBeDefined();
    // Grafana's Tempo backend answers only the traceId and traceql query types
    // (grafana/grafana pkg/tsdb/tempo); the service map is drawn in the browser from Mimir's
    // service-graph series, so the browser check below covers that panel.
    const queries = (overview?.queries ?? []).filter((q) => q.target.queryType !== 'serviceMap');
    // All at once: each waits up to two minutes for its first rows.
    const results = await Promise.allSettled(
      queries.map(async (query) => {
        const { elapsedMs } = await pollUntil(
          async () => {
            const [outcome] = await dsQuery(
              grafanaUrl,
              [{ ...query.target, refId: query.refId, datasource: query.datasource }],
              { from: 'now-15m', to: 'now' },
            );
            return outcome !== undefined && hasData(outcome)
              ? outcome
              : notYet(outcome?.error ?? 'no rows');
          },
          {
            description: `data for "${query.panel}" (${query.refId})`,
            timeoutMs: 120_000,
            intervalMs: 5_000,
          },
        );
        if (elapsedMs > 1_000) {
          reportTiming(SUITE, `"${query.panel}" had data after a further`, elapsedMs);
        }
      }),
    );
    const empty = results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
    expect(empty, empty.join('\n')).toEqual([]);
  });

  test('an exemplar of the span metrics leads to a trace Tempo has', async () => {
    await afterWarmup();
    const mimir = datasource('prometheus');
    const destinations = (mimir.jsonData?.exemplarTraceIdDestinations ?? []) as { name: string }[];
    const label = destinations[0]?.name;
    expect(
      label,
      'the Mimir datasource names the exemplar label that holds the trace id',
    ).toBeDefined();
    const exemplarQueries = provisioned()
      .dashboards.flatMap((d) => d.queries)
      .filter((q) => q.target.exemplar === true && typeof q.target.expr === 'string');
    expect(exemplarQueries.length, 'a panel shows exemplars').toBeGreaterThan(0);
    // Grafana's interval variable means nothing to Mimir; exemplars depend on the selectors only.
    const promql = String(exemplarQueries[0]?.target.expr).replaceAll('$__rate_interval', '1m');
    const mimirUrl = `${running().url(SERVICE.mimir, stackFacts().mimir.httpPort)}${stackFacts().mimir.prometheusPath}`;
    const { value: traceId } = await pollUntil(
      async () => {
        const now = Date.now() / 1000;
        const exemplars = await queryExemplars(mimirUrl, promql, now - 900, now);
        const id = exemplars.map((e) => e.labels[label ?? '']).find((v) => v !== undefined);
        return (
          id ??
          notYet(
            `${exemplars.length} exemplars, labels: ${JSON.stringify(exemplars[0]?.labels ?? {})}`,
          )
        );
      },
      {
        description: `an exemplar with label ${label} for ${promql}`,
        timeoutMs: 120_000,
        intervalMs: 5_000,
      },
    );
    const tempoUrl = running().url(SERVICE.tempo, stackFacts().tempo.httpPort);
    const { value: spans } = await waitForTrace(tempoUrl, traceId.padStart(32, '0'), 60_000);
    expect(spans.length).toBeGreaterThan(0);
  });

  test('the service graph draws the REST calls as roboshpee -> discord, not an address', async () => {
    await afterWarmup();
    const mimirUrl = `${running().url(SERVICE.mimir, stackFacts().mimir.httpPort)}${stackFacts().mimir.prometheusPath}`;
    const promql = `sum by (server) (${TELEMETRY.serviceGraphRequests}{client="${BOT_SERVICE}"})`;
    const { value: servers } = await pollUntil(
      async () => {
        const found = (await instantQuery(mimirUrl, promql)).map((s) => s.labels.server);
        return found.length > 0 ? found : notYet('no service-graph edge from the bot yet');
      },
      { description: promql, timeoutMs: 120_000, intervalMs: 5_000 },
    );
    expect(servers).toEqual([DISCORD_PEER_SERVICE]);
  });

  test('the trace-to-logs link of a trace finds its logs in Loki', async () => {
    const tempo = datasource('tempo');
    const settings = tracesToLogsSettings.parse(tempo.jsonData?.tracesToLogsV2);
    const doubleUrl = running().url(SERVICE.bot, stackFacts().botDemoPort);
    const sentAt = performance.now();
    const answer = await sendInteraction(doubleUrl, { command: 'role', subcommand: 'list' });
    expect(answer.traceId).toMatch(/^[0-9a-f]{32}$/);
    const tempoUrl = running().url(SERVICE.tempo, stackFacts().tempo.httpPort);
    const { value: spans } = await waitForTrace(tempoUrl, answer.traceId ?? '', 90_000);
    reportTiming(SUITE, 'interaction to its trace in Tempo', since(sentAt));
    const [root] = spanTree(spans).roots;
    if (root === undefined) throw new Error(`trace ${answer.traceId} has no root span`);
    const logql = tracesToLogsQuery(settings, root);
    expect(logql, 'a mapped tag of tracesToLogsV2 is on the span').toBeDefined();
    const { elapsedMs } = await pollUntil(
      async () => {
        const [outcome] = await dsQuery(
          grafanaUrl,
          [
            {
              refId: 'A',
              datasource: { uid: settings.datasourceUid },
              expr: logql,
              queryType: 'range',
            },
          ],
          { from: 'now-15m', to: 'now' },
        );
        return outcome !== undefined && hasData(outcome)
          ? outcome
          : notYet(outcome?.error ?? 'no log line');
      },
      {
        description: `logs of trace ${answer.traceId} through ${logql}`,
        timeoutMs: 90_000,
        intervalMs: 2_000,
      },
    );
    reportTiming(SUITE, 'trace-to-logs query answered after (from first try)', elapsedMs);
  });

  test('every provisioned dashboard, opened in Chromium, shows no "No data" and no error', async () => {
    await afterWarmup();
    const views = await viewDashboards(
      grafanaUrl,
      provisioned().dashboards.map((d) => d.uid),
      SCREENSHOTS,
    );
    for (const view of views) console.info(`[integration] ${SUITE}: screenshot ${view.screenshot}`);
    const problems = views.flatMap((v) => v.problems.map((p) => `${v.uid}: ${p}`));
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
