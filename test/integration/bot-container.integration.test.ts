import type Dockerode from 'dockerode';
import {
  getContainerRuntimeClient,
  Network,
  type StartedNetwork,
  type StartedTestContainer,
  Wait,
} from 'testcontainers';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { notYet, pollUntil } from '../../harness/backends/poll.js';
import { sendInteraction } from '../../harness/bot/demo-control.js';
import { type ComposeService, composeService } from '../../harness/compose/compose-service.js';
import { containerFromCompose } from '../../harness/containers/compose-container.js';
import { containerSuite } from '../../harness/containers/container-suite.js';
import { buildBotImage, nodeBaseImage } from '../../harness/containers/local-images.js';
import { TELEMETRY } from '../../harness/containers/stack-facts.js';
import { reportTiming, since } from '../../harness/containers/timings.js';
import {
  type StartedOtlpReceiver,
  startOtlpReceiver,
} from '../../harness/receivers/otlp-receiver-container.js';
import { REPO_ROOT, readRepoFile } from '../../harness/repo/repo.js';
import { COMPOSE_FILE } from '../../harness/repo/stack-files.js';

const SUITE = 'Bot container';
/** The load the memory bound is checked under: the demo's own traffic at this rate. */
const RATE_PER_SECOND = 10;
const LOAD_SECONDS = 60;
/** OTLP SpanKind SERVER: one per interaction the bot handled. */
const SERVER_SPAN = 2;

/** The bot as compose runs it, with the demo's traffic at the suite's rate. */
function botService(): ComposeService {
  return composeService(readRepoFile(COMPOSE_FILE), 'bot', REPO_ROOT, {
    ROBOSHPEE_DEMO_RATE: String(RATE_PER_SECOND),
  });
}

/** Memory the way `docker stats` shows it: usage less the inactive page cache. */
function workingSet(stats: Dockerode.ContainerStats): number {
  const memory = stats.memory_stats as { usage?: number; stats?: Record<string, number> };
  const cache = memory.stats?.total_inactive_file ?? memory.stats?.inactive_file ?? 0;
  return (memory.usage ?? 0) - cache;
}

const mib = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MiB`;

describe(`${SUITE}: bot/Dockerfile's image run as compose runs it, in demo mode`, () => {
  const gate = containerSuite(() => [nodeBaseImage()]);
  const service = botService();
  let network: StartedNetwork | undefined;
  let receiver: StartedOtlpReceiver | undefined;
  let bot: StartedTestContainer | undefined;
  let handle: Dockerode.Container | undefined;
  let controlUrl = '';

  beforeAll(async () => {
    if (!gate.shouldRun()) return;
    const building = performance.now();
    const image = await buildBotImage();
    reportTiming(SUITE, 'bot image build', since(building));
    network = await new Network().start();
    // Where compose's bot sends its telemetry (http://alloy:4317): the receiver takes that name.
    const otlpHost = new URL(service.environment.OTEL_EXPORTER_OTLP_ENDPOINT ?? '').hostname;
    receiver = await startOtlpReceiver(network, otlpHost, image);
    const demoPort = Number(service.environment.ROBOSHPEE_DEMO_PORT);
    const started = performance.now();
    bot = await (
      await containerFromCompose(service, {
        network,
        image,
        ports: [demoPort],
        ready: Wait.forHealthCheck(),
      })
    ).start();
    reportTiming(SUITE, 'bot from start to healthy', since(started));
    controlUrl = `http://${bot.getHost()}:${bot.getMappedPort(demoPort)}`;
    const client = await getContainerRuntimeClient();
    handle = client.container.getById(bot.getId());
  });

  afterAll(async () => {
    await bot?.stop();
    await receiver?.container.stop();
    await network?.stop();
  });

  async function inspect(): Promise<Dockerode.ContainerInspectInfo> {
    const client = await getContainerRuntimeClient();
    return client.container.inspect(handle as Dockerode.Container);
  }

  test('its compose healthcheck turns healthy: the health endpoint says the gateway is connected', async () => {
    expect((await inspect()).State.Health?.Status).toBe('healthy');
  });

  test('it runs as a non-root user on a read-only root filesystem, under the compose memory limit', async () => {
    const container = bot as StartedTestContainer;
    expect((await container.exec(['id', '-u'])).output.trim()).toBe('1000');
    const write = await container.exec(['sh', '-c', 'touch /app/bot/dist/main.js']);
    expect(write.exitCode).not.toBe(0);
    const info = await inspect();
    expect(info.HostConfig.ReadonlyRootfs).toBe(true);
    expect(info.HostConfig.Memory).toBe(service.memoryLimitBytes);
  });

  test('its telemetry reaches the OTLP receiver on the container network: spans, logs and metrics', async () => {
    const { traceId } = await sendInteraction(controlUrl, { command: 'role', subcommand: 'list' });
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    const { value: received, elapsedMs } = await pollUntil(
      async () => {
        const got = await (receiver as StartedOtlpReceiver).received();
        const spans = got.spans.filter((span) => span.traceId === traceId);
        const logs = got.logs.filter((log) => log.traceId === traceId);
        return spans.length > 0 && logs.length > 0 && got.metrics.length > 0
          ? { spans, logs, metrics: got.metrics }
          : notYet(`${spans.length} spans, ${logs.length} logs, ${got.metrics.length} metrics`);
      },
      { description: `the trace ${traceId} in the receiver`, timeoutMs: 30_000, intervalMs: 500 },
    );
    reportTiming(SUITE, 'interaction to its spans and logs in the receiver', elapsedMs);
    expect(received.spans.map((span) => span.resource['service.name'])).toContain(
      TELEMETRY.service,
    );
    expect(received.metrics.map((metric) => metric.name)).toContain(TELEMETRY.commands.name);
  });

  test(
    `it stays under its memory limit serving the demo at ${RATE_PER_SECOND} interactions/s for ${LOAD_SECONDS} s`,
    async () => {
      const limit = service.memoryLimitBytes ?? 0;
      const before = (await (receiver as StartedOtlpReceiver).received()).spans.filter(
        (span) => span.kind === SERVER_SPAN,
      ).length;
      let peak = 0;
      const started = performance.now();
      while (since(started) < LOAD_SECONDS * 1000) {
        const stats = (await (handle as Dockerode.Container).stats({
          stream: false,
        })) as Dockerode.ContainerStats;
        peak = Math.max(peak, workingSet(stats));
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      const after = (await (receiver as StartedOtlpReceiver).received()).spans.filter(
        (span) => span.kind === SERVER_SPAN,
      ).length;
      const handled = after - before;
      console.info(
        `[integration] ${SUITE}: memory peak ${mib(peak)} of ${mib(limit)} at ${RATE_PER_SECOND}/s for ${LOAD_SECONDS} s (${handled} interactions traced)`,
      );
      const info = await inspect();
      expect(info.State.OOMKilled).toBe(false);
      expect(info.State.Running).toBe(true);
      expect(peak).toBeLessThan(limit);
      // The traffic really ran: at least 80 % of the interactions it should have sent.
      expect(handled).toBeGreaterThanOrEqual(RATE_PER_SECOND * LOAD_SECONDS * 0.8);
    },
    (LOAD_SECONDS + 60) * 1000,
  );

  test('SIGTERM ends it with exit 0 within its stop grace period, the last interaction flushed', async () => {
    const { traceId } = await sendInteraction(controlUrl, { command: 'role', subcommand: 'list' });
    const metricsBefore = (await (receiver as StartedOtlpReceiver).received()).metrics.length;
    const client = await getContainerRuntimeClient();
    const grace = service.stopGraceMs;
    const stopping = performance.now();
    // What `docker compose stop` does: SIGTERM, SIGKILL after the grace period.
    await client.container.stop(handle as Dockerode.Container, { timeout: grace });
    const took = since(stopping);
    reportTiming(SUITE, 'SIGTERM to exit', took);
    const info = await inspect();
    expect(info.State.ExitCode).toBe(0);
    expect(took).toBeLessThan(grace);
    const got = await (receiver as StartedOtlpReceiver).received();
    expect(got.spans.filter((span) => span.traceId === traceId).length).toBeGreaterThan(0);
    expect(got.logs.filter((log) => log.traceId === traceId).length).toBeGreaterThan(0);
    // The shutdown's own metric export, after the interaction.
    expect(got.metrics.length).toBeGreaterThan(metricsBefore);
  });
});
