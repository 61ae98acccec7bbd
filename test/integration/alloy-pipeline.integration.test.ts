import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Network, type StartedNetwork, type StartedTestContainer, Wait } from 'testcontainers';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BOT_SERVICE } from '../../bot/src/contract/resource.js';
import { messages } from '../../bot/src/core/messages.js';
import { GAME_ROLE_NAMES } from '../../bot/src/demo/fixture/names.js';
import { BOT_LABEL, BOT_METRIC } from '../../dashboards/src/bot-series.js';
import { waitForTraceLogs } from '../../harness/backends/loki-client.js';
import { notYet, pollUntil } from '../../harness/backends/poll.js';
import { instantQuery } from '../../harness/backends/prometheus-client.js';
import { seriesSelector, sumOf } from '../../harness/backends/promql.js';
import { spanTree } from '../../harness/backends/span-tree.js';
import { waitForTrace } from '../../harness/backends/tempo-client.js';
import { DemoBot } from '../../harness/bot/demo-bot.js';
import {
  type InteractionAnswer,
  sendInteraction,
  waitForDemo,
} from '../../harness/bot/demo-control.js';
import { type ComposeService, imageOf } from '../../harness/compose/compose-service.js';
import { containerFromCompose } from '../../harness/containers/compose-container.js';
import { containerSuite } from '../../harness/containers/container-suite.js';
import { stackFacts } from '../../harness/containers/stack-facts.js';
import { reportTiming, since } from '../../harness/containers/timings.js';

const SUITE = 'Through Alloy';
const ROLE = GAME_ROLE_NAMES[1] ?? GAME_ROLE_NAMES[0];

describe(`${SUITE}: the bot -> Alloy -> Tempo, Loki and Mimir, each with the project's config`, () => {
  const backends = [stackFacts().tempo, stackFacts().loki, stackFacts().mimir] as const;
  const gate = containerSuite(() =>
    [...backends, stackFacts().alloy].map((b) => imageOf(b.service)),
  );
  let network: StartedNetwork | undefined;
  const started: StartedTestContainer[] = [];
  let alloy: StartedTestContainer | undefined;
  let bot: DemoBot | undefined;
  const url = { tempo: '', loki: '', mimir: '' };
  let interaction: InteractionAnswer & { readonly sentAt: number } = { sentAt: 0 };

  const start = async (
    on: StartedNetwork,
    service: ComposeService,
    httpPort: number,
    readyPath: string,
    extraPorts: number[] = [],
  ) => {
    const container = await containerFromCompose(service, {
      network: on,
      ports: [httpPort, ...extraPorts],
      ready: Wait.forHttp(readyPath, httpPort),
    });
    const running = await container.start();
    started.push(running);
    return running;
  };
  const httpUrl = (c: StartedTestContainer, port: number) =>
    `http://${c.getHost()}:${c.getMappedPort(port)}`;

  beforeAll(async () => {
    if (!gate.shouldRun()) return;
    const net = await new Network().start();
    network = net;
    const up = performance.now();
    // The backends do not need each other to start; Alloy needs them to deliver.
    const [tempo, loki, mimir] = await Promise.all(
      backends.map(async (b) =>
        httpUrl(await start(net, b.service, b.httpPort, '/ready'), b.httpPort),
      ),
    );
    alloy = await start(net, stackFacts().alloy.service, stackFacts().alloy.httpPort, '/-/ready', [
      stackFacts().alloy.otlpGrpcPort,
    ]);
    reportTiming(SUITE, 'Tempo, Loki, Mimir and Alloy from start to ready', since(up));
    url.tempo = tempo ?? '';
    url.loki = loki ?? '';
    url.mimir = `${mimir ?? ''}${stackFacts().mimir.prometheusPath}`;
    bot = await DemoBot.start({
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://${alloy.getHost()}:${alloy.getMappedPort(stackFacts().alloy.otlpGrpcPort)}`,
      ROBOSHPEE_DEMO_RATE: '0',
      ROBOSHPEE_OTLP_LOGS: 'true',
      OTEL_METRIC_EXPORT_INTERVAL: '2000',
      OTEL_BSP_SCHEDULE_DELAY: '200',
    });
    await waitForDemo(bot.doubleUrl, 30_000);
    await sendInteraction(bot.doubleUrl, {
      command: 'role',
      subcommand: 'remove',
      options: { name: ROLE },
    });
    const sentAt = performance.now();
    interaction = {
      ...(await sendInteraction(bot.doubleUrl, {
        command: 'role',
        subcommand: 'add',
        options: { name: ROLE },
      })),
      sentAt,
    };
  });

  afterAll(async () => {
    await bot?.stop();
    for (const container of started.reverse()) await container.stop();
    await network?.stop();
  });

  test('the interaction succeeded and its callback carried a trace id', () => {
    expect(interaction.content).toBe(messages.added(ROLE));
    expect(interaction.traceId).toMatch(/^[0-9a-f]{32}$/);
  });

  test('its trace is in Tempo', async () => {
    const { value: spans } = await waitForTrace(url.tempo, interaction.traceId ?? '', 90_000);
    reportTiming(SUITE, 'interaction to its trace in Tempo', since(interaction.sentAt));
    const [root] = spanTree(spans).roots;
    expect(root).toMatchObject({ name: '/role add', resource: { 'service.name': BOT_SERVICE } });
  });

  test('its log line is in Loki, carrying the same trace_id', async () => {
    const traceId = interaction.traceId ?? '';
    const { value: entries } = await waitForTraceLogs(url.loki, BOT_SERVICE, traceId, 90_000);
    reportTiming(SUITE, 'interaction to its log line in Loki', since(interaction.sentAt));
    expect(entries.every((e) => e.labels.trace_id === traceId)).toBe(true);
    // The per-interaction line reads as command, outcome and duration (Logs Drilldown's patterns).
    expect(
      entries.some((e) => /\/role add ok in \d+ ms/.test(e.line)),
      JSON.stringify(entries),
    ).toBe(true);
  });

  test('its command counter is in Mimir, queryable with PromQL', async () => {
    const promql = sumOf(
      seriesSelector(BOT_METRIC.commands, {
        job: BOT_SERVICE,
        [BOT_LABEL.command]: '/role add',
        [BOT_LABEL.outcome]: 'ok',
      }),
    );
    const { value } = await pollUntil(
      async () => {
        const [series] = await instantQuery(url.mimir, promql);
        const count = series?.samples[0]?.value ?? 0;
        return count >= 1 ? count : notYet(`value ${count}`);
      },
      { description: `${promql} >= 1`, timeoutMs: 120_000, intervalMs: 1_000 },
    );
    reportTiming(SUITE, 'interaction to its counter in Mimir', since(interaction.sentAt));
    expect(value).toBeGreaterThanOrEqual(1);
  });

  test('alloy fmt and alloy validate accept the project config, in the pinned Alloy image', async () => {
    const container = alloy;
    if (container === undefined) throw new Error('Alloy did not start');
    const { service, configFile } = stackFacts().alloy;
    // Every .alloy file compose mounts into Alloy (the config and its modules), in its
    // container path: each must be in `alloy fmt` form.
    const files = service.binds.flatMap(({ source, target }) =>
      existsSync(source) && statSync(source).isDirectory()
        ? readdirSync(source)
            .filter((f) => f.endsWith('.alloy'))
            .map((f) => ({ host: join(source, f), inContainer: `${target}/${f}` }))
        : source.endsWith('.alloy')
          ? [{ host: source, inContainer: target }]
          : [],
    );
    expect(files.map((f) => f.host)).toContain(configFile);
    for (const file of files) {
      const formatted = await container.exec(['alloy', 'fmt', file.inContainer]);
      expect(formatted.exitCode, formatted.stderr).toBe(0);
      expect(
        formatted.stdout.trim(),
        `${file.host} differs from its \`alloy fmt\` form (alloy fmt -w fixes it)`,
      ).toBe(readFileSync(file.host, 'utf8').trim());
    }
    // The flags that change what the config may use must match those the stack runs with.
    const runFlags = (service.command ?? []).filter(
      (a) => a.startsWith('--stability.level') || a.startsWith('--feature.'),
    );
    const target = files.find((f) => f.host === configFile)?.inContainer ?? '';
    const validated = await container.exec(['alloy', 'validate', ...runFlags, target]);
    expect(validated.exitCode, validated.output).toBe(0);
  });
});
