import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { DemoBot } from '../../../harness/bot/demo-bot.js';
import { isInteractionLine } from '../../../harness/bot/interaction-line.js';
import { OtlpReceiver, type ReceivedMetric } from '../../../harness/receivers/otlp-receiver.js';
import { ATTR } from '../../src/contract/attributes.js';
import { METRICS, RUNTIME_METRICS } from '../../src/contract/bot-metrics.js';

/**
 * The built bot in demo mode exports over real OTLP/gRPC on loopback to a test receiver.
 * One interaction goes in through the demo double; its spans, metric points and log
 * records must come out with its trace id and the bot's resource.
 */

const VERSION = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

/** Fast export so the test need not wait for the production intervals. */
const FAST_EXPORT = {
  ROBOSHPEE_OTLP_LOGS: 'true',
  OTEL_METRIC_EXPORT_INTERVAL: '1000',
  OTEL_BSP_SCHEDULE_DELAY: '200',
  OTEL_BLRP_SCHEDULE_DELAY: '200',
};

const ROLE_ADD = { command: 'role', subcommand: 'add', options: { name: 'Valheim' } } as const;

function latest(metrics: readonly ReceivedMetric[], name: string): ReceivedMetric | undefined {
  return metrics.filter((metric) => metric.name === name).at(-1);
}

const waitFor = <T>(check: () => T, timeout = 20_000) =>
  vi.waitFor(check, { timeout, interval: 200 });

describe('GIVEN the demo bot exporting to a receiver', () => {
  const receiver = new OtlpReceiver();
  let bot: DemoBot;

  beforeAll(async () => {
    await receiver.start(0);
    bot = await DemoBot.start({ ...FAST_EXPORT, OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint });
  }, 60_000);

  afterAll(async () => {
    await bot?.stop('SIGKILL');
    await receiver.stop();
  });

  test('WHEN one /role add goes through THEN its spans, metric points and log records arrive with its trace id and the bot resource', async () => {
    const { traceId, callback } = await bot.interact(ROLE_ADD);
    expect(callback).toMatchObject({ type: 4, data: { content: 'Added "Valheim"' } });
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);

    // Traces: the interaction span, its role lookup and its Discord REST calls.
    const spans = await waitFor(() => {
      const ofTrace = receiver.spans.filter((span) => span.traceId === traceId);
      expect(ofTrace.map((span) => span.name)).toEqual(
        expect.arrayContaining([
          '/role add',
          'role lookup',
          'PUT /api/v10/guilds/{id}/members/{id}/roles/{id}',
          'POST /api/v10/interactions/{id}/{token}/callback',
        ]),
      );
      return ofTrace;
    });
    const root = spans.find((span) => span.name === '/role add');
    expect(root).toMatchObject({
      parentSpanId: '',
      kind: 2,
      attributes: {
        [ATTR.command]: '/role add',
        [ATTR.subcommand]: 'add',
        [ATTR.outcome]: 'ok',
        [ATTR.role]: 'Valheim',
        // The double's gateway recommends one shard: the demo guild is on shard 0.
        [ATTR.shard]: 0,
      },
    });
    expect(root?.attributes[ATTR.user]).toMatch(/^[0-9a-f]{16}$/);
    for (const span of spans.filter((candidate) => candidate !== root)) {
      expect(span.parentSpanId, span.name).not.toBe('');
    }
    const urls = spans.flatMap((span) => [
      span.attributes['url.full'],
      span.attributes['url.path'],
    ]);
    for (const url of urls.filter((value) => typeof value === 'string')) {
      expect(url).not.toMatch(/\/interactions\/\d+\/(?!REDACTED\/)/);
    }

    const resource = root?.resource ?? {};
    expect(resource).toMatchObject({
      'service.name': 'roboshpee',
      'service.version': VERSION,
      'deployment.environment.name': 'demo',
      'process.pid': bot.pid,
      'telemetry.sdk.language': 'nodejs',
    });
    expect(resource['service.instance.id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(resource['host.name']).toEqual(expect.any(String));

    // Logs: the bot's lines of this interaction, as OTel records and on stdout.
    const records = await waitFor(() => {
      const ofTrace = receiver.logs.filter((record) => record.traceId === traceId);
      expect(ofTrace.map((record) => record.body)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^\/role add ok in \d+ ms$/),
          expect.stringMatching(/^Added role 'Valheim' to user/),
        ]),
      );
      return ofTrace;
    });
    for (const record of records) expect(record.resource).toEqual(resource);
    const interactionLine = bot.lines.find(
      (line) => isInteractionLine(line) && line.trace_id === traceId,
    );
    expect(interactionLine).toMatchObject({ command: '/role add', outcome: 'ok' });
    expect(interactionLine?.durationMs).toEqual(expect.any(Number));

    // Metrics: the command counted, timed and the role change recorded, from the same resource.
    await waitFor(() => {
      const commands = latest(receiver.metrics, METRICS.commands.name);
      expect(commands?.points).toContainEqual({
        attributes: { [ATTR.command]: '/role add', [ATTR.outcome]: 'ok' },
        value: 1,
      });
      const duration = latest(receiver.metrics, METRICS.commandDuration.name);
      expect(duration?.type).toBe('histogram');
      expect(duration?.points[0]?.count).toBe(1);
      const changes = latest(receiver.metrics, METRICS.roleChanges.name);
      expect(changes?.points).toContainEqual({
        attributes: { [ATTR.roleAction]: 'add', [ATTR.role]: 'Valheim' },
        value: 1,
      });
      const members = latest(receiver.metrics, METRICS.roleMembers.name);
      expect(members?.points.map((point) => point.attributes[ATTR.role])).toContain('Valheim');
      for (const runtime of [
        RUNTIME_METRICS.processMemoryUsage,
        RUNTIME_METRICS.eventLoopDelayP99,
      ]) {
        expect(latest(receiver.metrics, runtime.name)?.points.length, runtime.name).toBeGreaterThan(
          0,
        );
      }
      expect(commands?.resource).toEqual(resource);
    });
  });

  test('WHEN the endpoint goes down THEN the bot keeps serving, warns once, and delivers again when it is back', async () => {
    await receiver.stop();
    for (let round = 0; round < 5; round += 1) {
      const { callback } = await bot.interact(ROLE_ADD);
      expect(callback).toMatchObject({ type: 4 });
      await new Promise((resolve) => setTimeout(resolve, 600));
    }
    await waitFor(() => expect(bot.linesWith('telemetry export failing')).toHaveLength(1));
    // Several more failed batches of every signal later: still the one warning.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(bot.linesWith('telemetry export failing')).toHaveLength(1);
    const warning = bot.linesWith('telemetry export failing')[0];
    expect(warning).toMatchObject({ level: 40, endpoint: `${receiver.endpoint}/` });
    expect(warning).not.toHaveProperty('trace_id');

    // Nothing else about the outage reaches the bot's output (the SDK's own errors stay quiet).
    expect(bot.stderr.filter((line) => line.includes('UNAVAILABLE'))).toEqual([]);

    await receiver.start();
    // Batches exported while gRPC is still backing off are dropped (the queues are bounded,
    // nothing is kept for later), so traffic goes on until a new interaction arrives.
    const after: Array<string | null> = [];
    await waitFor(async () => {
      after.push((await bot.interact(ROLE_ADD)).traceId);
      expect(receiver.spans.some((span) => after.includes(span.traceId))).toBe(true);
    }, 30_000);
    await waitFor(() => expect(bot.linesWith('telemetry export delivering again')).toHaveLength(1));
    expect(bot.linesWith('telemetry export failing')).toHaveLength(1);
  }, 60_000);
});

describe('GIVEN telemetry that would only be exported minutes later', () => {
  const receiver = new OtlpReceiver();
  afterAll(() => receiver.stop());

  test('WHEN the bot gets SIGTERM THEN the interaction spans, logs and metrics are flushed before it exits', async () => {
    await receiver.start(0);
    const bot = await DemoBot.start({
      ROBOSHPEE_OTLP_LOGS: 'true',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_METRIC_EXPORT_INTERVAL: '600000',
      OTEL_BSP_SCHEDULE_DELAY: '600000',
      OTEL_BLRP_SCHEDULE_DELAY: '600000',
    });
    try {
      const { traceId } = await bot.interact(ROLE_ADD);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(receiver.spans.filter((span) => span.traceId === traceId)).toEqual([]);

      const started = Date.now();
      expect(await bot.stop('SIGTERM')).toBe(0);
      expect(Date.now() - started).toBeLessThan(15_000);

      expect(
        receiver.spans.filter((span) => span.traceId === traceId).map((span) => span.name),
      ).toContain('/role add');
      expect(
        receiver.logs.filter((record) => record.traceId === traceId).map((record) => record.body),
      ).toContainEqual(expect.stringMatching(/^\/role add ok in \d+ ms$/));
      expect(latest(receiver.metrics, METRICS.commands.name)?.points).toContainEqual({
        attributes: { [ATTR.command]: '/role add', [ATTR.outcome]: 'ok' },
        value: 1,
      });
    } finally {
      await bot.stop('SIGKILL');
    }
  }, 60_000);
});

describe('GIVEN the per-deployment switches', () => {
  const receiver = new OtlpReceiver();
  beforeAll(() => receiver.start(0));
  afterAll(() => receiver.stop());

  test('WHEN ROBOSHPEE_OTLP_LOGS=false THEN lines keep their trace id on stdout but no log record is sent', async () => {
    receiver.clear();
    const bot = await DemoBot.start({
      ...FAST_EXPORT,
      ROBOSHPEE_OTLP_LOGS: 'false',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
    });
    try {
      const { traceId } = await bot.interact(ROLE_ADD);
      await waitFor(() =>
        expect(receiver.spans.some((span) => span.traceId === traceId)).toBe(true),
      );
      expect(bot.lines.find(isInteractionLine)?.trace_id).toBe(traceId);
      // Metrics (exported every second) prove the exporters ran; logs never went.
      await waitFor(() => expect(receiver.metrics.length).toBeGreaterThan(0));
      expect(receiver.logs).toEqual([]);
    } finally {
      await bot.stop('SIGKILL');
    }
  }, 60_000);

  test('WHEN OTEL_SDK_DISABLED=true THEN the bot serves without telemetry and exports nothing', async () => {
    receiver.clear();
    const bot = await DemoBot.start({
      ...FAST_EXPORT,
      OTEL_SDK_DISABLED: 'true',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
    });
    try {
      const { traceId, callback } = await bot.interact(ROLE_ADD);
      expect(callback).toMatchObject({ type: 4 });
      expect(traceId).toBeNull();
      await new Promise((resolve) => setTimeout(resolve, 2000));
      expect([receiver.spans, receiver.metrics, receiver.logs]).toEqual([[], [], []]);
      expect(bot.lines.find(isInteractionLine)).not.toHaveProperty('trace_id');
    } finally {
      await bot.stop('SIGKILL');
    }
  }, 60_000);
});

describe('GIVEN a bad telemetry setting', () => {
  test.each([
    [{ ROBOSHPEE_USER_IDS: 'plain' }, "ROBOSHPEE_USER_IDS must be 'hash' or 'omit', got 'plain'"],
    [{ OTEL_SDK_DISABLED: 'true', ROBOSHPEE_USER_IDS: 'plain' }, 'ROBOSHPEE_USER_IDS must be'],
    [{ OTEL_METRIC_EXPORT_INTERVAL: 'soon' }, 'OTEL_METRIC_EXPORT_INTERVAL must be an integer'],
    [
      { ROBOSHPEE_PROFILING: 'maybe' },
      "ROBOSHPEE_PROFILING must be one of true, false, 1, 0, yes, no, on, off, got 'maybe'",
    ],
    [
      { OTEL_EXPORTER_OTLP_ENDPOINT: 'not-a-url' },
      "OTEL_EXPORTER_OTLP_ENDPOINT must be an http:// or https:// URL such as http://localhost:4317, got 'not-a-url'",
    ],
    [
      { ROBOSHPEE_PROFILING: 'true', PYROSCOPE_SERVER_ADDRESS: 'pyroscope:4040' },
      'PYROSCOPE_SERVER_ADDRESS must be an http:// or https:// URL',
    ],
  ])('%o THEN the preload stops the process with one line naming it', (env, message) => {
    const result = spawnSync(
      process.execPath,
      ['--import', './bot/dist/preload.js', '--eval', 'console.log("app ran")'],
      {
        cwd: new URL('../../../', import.meta.url),
        env: { PATH: process.env.PATH, ...env },
        encoding: 'utf8',
        timeout: 20_000,
      },
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^roboshpee: configuration error: ${message}`)),
    ]);
  });
});

describe('GIVEN ROBOSHPEE_USER_IDS=omit', () => {
  test.each([{}, { OTEL_SDK_DISABLED: 'true' }])(
    '%o THEN the rule the preload read is the one the app applies',
    (env) => {
      const app =
        "const { telemetryUserId } = await import('./bot/dist/telemetry/privacy.js');" +
        "console.log(String(telemetryUserId('222222222222222222')));";
      const result = spawnSync(
        process.execPath,
        ['--import', './bot/dist/preload.js', '--input-type=module', '--eval', app],
        {
          cwd: new URL('../../../', import.meta.url),
          env: {
            PATH: process.env.PATH,
            OTEL_TRACES_EXPORTER: 'none',
            OTEL_METRICS_EXPORTER: 'none',
            ROBOSHPEE_USER_IDS: 'omit',
            ...env,
          },
          encoding: 'utf8',
          timeout: 20_000,
        },
      );
      expect(result.stderr).toBe('');
      expect(result.stdout.trim().split('\n').at(-1)).toBe('undefined');
    },
  );
});
