import { setTimeout as sleep } from 'node:timers/promises';
import { getContainerRuntimeClient } from 'testcontainers';
import { beforeAll, describe, expect, test } from 'vitest';
import { METRICS } from '../../bot/src/contract/bot-metrics.js';
import { BOT_SERVICE } from '../../bot/src/contract/resource.js';
import { GAME_ROLE_NAMES } from '../../bot/src/demo/fixture/names.js';
import { RULES } from '../../dashboards/src/alert-rules.js';
import { exporterEnqueueFailed } from '../../dashboards/src/alloy-series.js';
import { BOT_METRIC } from '../../dashboards/src/bot-series.js';
import { requestJson } from '../../harness/backends/http-json.js';
import { waitForTraceLogs } from '../../harness/backends/loki-client.js';
import { notYet, pollUntil } from '../../harness/backends/poll.js';
import { instantQuery } from '../../harness/backends/prometheus-client.js';
import { rangeOf, seriesSelector } from '../../harness/backends/promql.js';
import { sampleGaps } from '../../harness/backends/sample-gaps.js';
import { waitForTrace } from '../../harness/backends/tempo-client.js';
import { sendInteraction } from '../../harness/bot/demo-control.js';
import { composeStackSuite } from '../../harness/containers/compose-stack-suite.js';
import { SERVICE, stackFacts } from '../../harness/containers/stack-facts.js';
import { reportTiming, since } from '../../harness/containers/timings.js';

const SUITE = 'Durability';
/** Interactions sent before the restarts, and at most this many during them (one a second). */
const BEFORE = 5;
const MAX_DURING = 120;
/** The bot's metric export interval in compose.yaml: the expected distance between samples. */
const exportIntervalMs = () => Number(stackFacts().botEnvironment.OTEL_METRIC_EXPORT_INTERVAL);

describe(`${SUITE}: Tempo, Loki and Mimir restart in the running stack; nothing is lost`, () => {
  const stackSuite = composeStackSuite(SUITE, 'durability');
  const { running } = stackSuite;
  const before: string[] = [];
  const during: string[] = [];
  const window = { fromSeconds: 0, toSeconds: 0 };
  const url = { tempo: '', loki: '', mimir: '', demo: '' };
  const restarted = [
    [SERVICE.tempo, stackFacts().tempo],
    [SERVICE.loki, stackFacts().loki],
    [SERVICE.mimir, stackFacts().mimir],
  ] as const;

  const interact = async (n: number): Promise<string> => {
    const role = GAME_ROLE_NAMES[n % GAME_ROLE_NAMES.length] ?? GAME_ROLE_NAMES[0];
    const answer = await sendInteraction(url.demo, {
      command: 'role',
      subcommand: n % 2 === 0 ? 'add' : 'remove',
      options: { name: role },
    });
    if (answer.traceId === undefined) throw new Error('an interaction callback without a trace id');
    return answer.traceId;
  };
  const inTempo = (traceId: string, timeoutMs: number) =>
    waitForTrace(url.tempo, traceId, timeoutMs);
  const inLoki = (traceId: string, timeoutMs: number) =>
    waitForTraceLogs(url.loki, BOT_SERVICE, traceId, timeoutMs);

  beforeAll(async () => {
    if (!stackSuite.shouldRun()) return;
    const stack = running();
    url.tempo = stack.url(SERVICE.tempo, stackFacts().tempo.httpPort);
    url.loki = stack.url(SERVICE.loki, stackFacts().loki.httpPort);
    url.mimir = `${stack.url(SERVICE.mimir, stackFacts().mimir.httpPort)}${stackFacts().mimir.prometheusPath}`;
    url.demo = stack.url(SERVICE.bot, stackFacts().botDemoPort);

    for (let n = 0; n < BEFORE; n += 1) before.push(await interact(n));
    // Written before the restart means stored before it: wait until each one is queryable.
    for (const traceId of before) {
      await inTempo(traceId, 120_000);
      await inLoki(traceId, 120_000);
    }
    // A few metric exports before the window opens, so each series has a sample before it.
    await sleep(2.5 * exportIntervalMs());

    window.fromSeconds = Date.now() / 1000;
    const restarting = performance.now();
    const restarts = Promise.all(
      restarted.map(async ([service, { httpPort: port, service: spec }]) => {
        const begun = performance.now();
        // As `docker compose restart` does it: SIGTERM, then SIGKILL after the service's stop
        // grace period (testcontainers' default of 0 s would be a kill straight away). Should
        // Tempo not exit within its grace period, it is killed: the restart covers both.
        await running().container(service).restart({ timeout: spec.stopGraceMs });
        await pollUntil(
          async () => {
            const response = await requestJson(`${running().url(service, port)}/ready`);
            return response.status === 200 ? true : notYet(`${response.status}`);
          },
          {
            description: `${service} ready after its restart`,
            timeoutMs: 180_000,
            intervalMs: 1_000,
          },
        );
        reportTiming(SUITE, `${service} restart to ready`, since(begun));
      }),
    );
    let done = false;
    const traffic = (async () => {
      for (let n = 0; !done && n < MAX_DURING; n += 1) {
        // The bot never waits for the backends, but the demo's own traffic and injected
        // Discord faults can delay a callback past the wait: such an interaction has no
        // trace id to follow, and the next one is sent anyway.
        await interact(BEFORE + n).then(
          (traceId) => during.push(traceId),
          (error: Error) => console.warn(`[integration] ${SUITE}: ${error.message}`),
        );
        await sleep(1_000);
      }
    })();
    await restarts;
    done = true;
    await traffic;
    window.toSeconds = Date.now() / 1000;
    reportTiming(
      SUITE,
      `restart window (${during.length} interactions sent during it)`,
      since(restarting),
    );
  });

  test('traces and logs written before the restarts are still queryable', async () => {
    expect(before).toHaveLength(BEFORE);
    for (const traceId of before) {
      await inTempo(traceId, 120_000);
      await inLoki(traceId, 120_000);
    }
  });

  test("every trace and log line sent during the restarts arrives (Alloy's retry queue)", async () => {
    expect(during.length).toBeGreaterThan(0);
    const started = performance.now();
    const missing: string[] = [];
    for (const traceId of during) {
      await inTempo(traceId, 300_000).catch((e: Error) => missing.push(`Tempo: ${e.message}`));
      await inLoki(traceId, 300_000).catch((e: Error) => missing.push(`Loki: ${e.message}`));
    }
    reportTiming(
      SUITE,
      'end of the restarts to every trace and log of the window queryable',
      since(started),
    );
    expect(missing, missing.join('\n')).toEqual([]);
  });

  test('the command counter has no gap in Mimir across the restart window', async () => {
    expect(
      exportIntervalMs(),
      'compose.yaml sets the bot OTEL_METRIC_EXPORT_INTERVAL',
    ).toBeGreaterThan(0);
    const interval = exportIntervalMs() / 1000;
    // A series exported before the window must have a sample at least every 1.5 intervals.
    const margin = 2 * interval;
    const span = Math.ceil(window.toSeconds - window.fromSeconds + 2 * margin);
    const selector = seriesSelector(BOT_METRIC.commands, { job: BOT_SERVICE });
    const { value: series } = await pollUntil(
      async () => {
        const found = await instantQuery(
          url.mimir,
          rangeOf(selector, span),
          window.toSeconds + margin,
        );
        const old = found.filter(
          (s) => (s.samples[0]?.timestampSeconds ?? Infinity) < window.fromSeconds,
        );
        // Samples queued in Alloy during the restart arrive late: wait for the window's end.
        const complete = old.filter(
          (s) => (s.samples.at(-1)?.timestampSeconds ?? 0) >= window.toSeconds,
        );
        return old.length > 0 && complete.length === old.length
          ? old
          : notYet(`${complete.length}/${old.length} series reach the window's end`);
      },
      {
        description: `samples of ${selector} through the restart window`,
        timeoutMs: 300_000,
        intervalMs: 5_000,
      },
    );
    const gaps = series.flatMap((s) =>
      sampleGaps(s.samples, window, 1.5 * interval).map(
        (g) => `${JSON.stringify(s.labels)}: no sample from ${g.fromSeconds} to ${g.toSeconds}`,
      ),
    );
    expect(gaps, gaps.join('\n')).toEqual([]);
  });

  test('metrics written before the restarts are still queryable', async () => {
    const at = window.fromSeconds - 5;
    const found = await instantQuery(
      url.mimir,
      seriesSelector(BOT_METRIC.commands, { job: BOT_SERVICE }),
      at,
    );
    expect(found.length, `series of ${METRICS.commands.name} at ${at}`).toBeGreaterThan(0);
  });
});

/** Batches Alloy's Tempo exporter may queue in this suite: full within a minute of demo. */
const SMALL_QUEUE = 20;

describe(`${SUITE}: Tempo down longer than Alloy's queue holds raises "Telemetry dropped in Alloy"`, () => {
  const stackSuite = composeStackSuite(SUITE, 'loss', {
    ALLOY_EXPORT_QUEUE_SIZE: String(SMALL_QUEUE),
  });
  const { running } = stackSuite;
  const rule = RULES.find((r) => r.uid === 'roboshpee-telemetry-dropped');
  const mimirUrl = () =>
    `${running().url(SERVICE.mimir, stackFacts().mimir.httpPort)}${stackFacts().mimir.prometheusPath}`;
  /** The value of a query that answers one number (a sum, or the alert's expression). */
  const numberFrom = async (promql: string): Promise<number> => {
    const [series] = await instantQuery(mimirUrl(), promql);
    return series?.samples.at(-1)?.value ?? 0;
  };

  test('the alert query counts the batches the full queue drops', async () => {
    if (rule === undefined)
      throw new Error('dashboards/src/alert-rules.ts has no roboshpee-telemetry-dropped rule');
    // The demo's own traffic keeps spans coming; before the outage, nothing is lost.
    expect(await numberFrom(rule.expr), rule.expr).toBe(0);

    const client = await getContainerRuntimeClient();
    const tempo = client.container.getById(running().container(SERVICE.tempo).getId());
    await client.container.stop(tempo, { timeout: stackFacts().tempo.service.stopGraceMs });
    const stoppedAt = performance.now();

    // Alloy's self-metrics reach Mimir every scrape (10 s); the alert reads a 5 m rate.
    const enqueueFailed = `sum(${exporterEnqueueFailed('spans')})`;
    const { value } = await pollUntil(
      async () => {
        const dropped = await numberFrom(rule.expr);
        return dropped > 0
          ? dropped
          : notYet(`alert query ${dropped}, ${enqueueFailed} ${await numberFrom(enqueueFailed)}`);
      },
      {
        description: `"${rule.title}" above 0 with Tempo down`,
        // Well before the exporter's 10 minutes of retries run out (send failed, not queue full).
        timeoutMs: 300_000,
        intervalMs: 10_000,
      },
    );
    reportTiming(SUITE, 'Tempo stopped to the telemetry-dropped query above 0', since(stoppedAt));
    expect(value).toBeGreaterThan(0);
    // What fired it is the full queue, the loss this counter was added for.
    expect(await numberFrom(enqueueFailed), enqueueFailed).toBeGreaterThan(0);
  }, 420_000);
});
