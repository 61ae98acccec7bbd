import { beforeAll, describe, expect, test } from 'vitest';
import { PROFILE_TYPES } from '../../bot/src/telemetry-sdk/profiling/profile-types.js';
import { hasData } from '../../harness/backends/grafana-answers.js';
import { dsQuery } from '../../harness/backends/grafana-client.js';
import { notYet, pollUntil } from '../../harness/backends/poll.js';
import { renderProfile } from '../../harness/backends/pyroscope-client.js';
import { spanTree } from '../../harness/backends/span-tree.js';
import { waitForTrace } from '../../harness/backends/tempo-client.js';
import type { TraceSpan } from '../../harness/backends/tempo-trace.js';
import {
  tracesToProfilesQuery,
  tracesToProfilesSettings,
} from '../../harness/backends/traces-to-profiles.js';
import { sendInteraction } from '../../harness/bot/demo-control.js';
import { provisionedDatasources } from '../../harness/configs/grafana-provisioning.js';
import { composeStackSuite } from '../../harness/containers/compose-stack-suite.js';
import { SERVICE, stackFacts } from '../../harness/containers/stack-facts.js';
import { reportTiming, since } from '../../harness/containers/timings.js';

const SUITE = 'Profiles';
/** compose.yaml uploads every 10 s; Pyroscope's v2 write path adds its segment flush. */
const PROFILE_WAIT_MS = 120_000;

/**
 * The compose stack with profiling on (its default): the bot's CPU and heap profiles reach
 * Pyroscope through Alloy with the labels of its traces, and a span's traces-to-profiles
 * link, as Grafana builds it from the provisioned Tempo datasource, finds them.
 */
describe(`${SUITE}: the bot -> Alloy -> Pyroscope, and the trace link to the flame graph`, () => {
  const stackSuite = composeStackSuite(SUITE, 'profiles');
  const { running } = stackSuite;
  let root: TraceSpan | undefined;
  let sentAt = 0;
  const url = (service: string, port: number) => running().url(service, port);

  beforeAll(async () => {
    if (!stackSuite.shouldRun()) return;
    sentAt = performance.now();
    const answer = await sendInteraction(url(SERVICE.bot, stackFacts().botDemoPort), {
      command: 'role',
      subcommand: 'list',
    });
    const tempoUrl = url(SERVICE.tempo, stackFacts().tempo.httpPort);
    const { value: spans } = await waitForTrace(tempoUrl, answer.traceId ?? '', 90_000);
    [root] = spanTree(spans).roots;
  }, 180_000);

  const instanceSelector = (span: TraceSpan) =>
    [
      `service_name="${String(span.resource['service.name'])}"`,
      `service_version="${String(span.resource['service.version'])}"`,
      `deployment_environment_name="${String(span.resource['deployment.environment.name'])}"`,
      `service_instance_id="${String(span.resource['service.instance.id'])}"`,
    ].join(',');

  test.each([
    ['CPU', PROFILE_TYPES.cpu],
    ['heap', PROFILE_TYPES.heapInUseBytes],
  ])(
    "the %s profile is in Pyroscope under the resource of the bot's trace",
    async (_kind, type) => {
      if (root === undefined) throw new Error('the interaction left no root span in Tempo');
      const span = root;
      const pyroscopeUrl = url(SERVICE.pyroscope, stackFacts().pyroscope.httpPort);
      const query = `${type}{${instanceSelector(span)}}`;
      const { value: graph } = await pollUntil(
        async () => {
          const found = await renderProfile(pyroscopeUrl, query, { from: 'now-15m', until: 'now' });
          return found.ticks > 0 ? found : notYet('an empty flame graph');
        },
        { description: `profile ${query}`, timeoutMs: PROFILE_WAIT_MS, intervalMs: 5_000 },
      );
      reportTiming(SUITE, `interaction to a ${type} profile in Pyroscope`, since(sentAt));
      expect(graph.names.length).toBeGreaterThan(1);
    },
  );

  test("a span's traces-to-profiles link finds the service's CPU profile through Grafana", async () => {
    if (root === undefined) throw new Error('the interaction left no root span in Tempo');
    const { service } = stackFacts().grafana;
    const tempo = provisionedDatasources(service).find((d) => d.type === 'tempo');
    const settings = tracesToProfilesSettings.parse(tempo?.jsonData.tracesToProfiles);
    const link = tracesToProfilesQuery(settings, root);
    expect(link, 'the span has the tags the link maps').toBeDefined();
    const pyroscope = provisionedDatasources(service).find((d) => d.uid === settings.datasourceUid);
    const grafanaUrl = url(SERVICE.grafana, stackFacts().grafana.httpPort);
    await pollUntil(
      async () => {
        const [outcome] = await dsQuery(
          grafanaUrl,
          [
            {
              refId: 'A',
              datasource: { uid: settings.datasourceUid, type: pyroscope?.type },
              queryType: 'profile',
              groupBy: [],
              ...link,
            },
          ],
          { from: 'now-15m', to: 'now' },
        );
        return outcome !== undefined && hasData(outcome)
          ? outcome
          : notYet(outcome?.error ?? 'no flame graph rows');
      },
      {
        description: `Grafana's ${settings.datasourceUid} answer for ${JSON.stringify(link)}`,
        timeoutMs: PROFILE_WAIT_MS,
        intervalMs: 5_000,
      },
    );
  });
});
