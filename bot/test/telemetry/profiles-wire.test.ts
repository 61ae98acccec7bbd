import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { DemoBot } from '../../../harness/bot/demo-bot.js';
import { OtlpReceiver } from '../../../harness/receivers/otlp-receiver.js';
import {
  PyroscopeReceiver,
  profileTypeIds,
} from '../../../harness/receivers/pyroscope-receiver.js';
import { PROFILE_TYPES } from '../../src/telemetry-sdk/profiling/profile-types.js';

/**
 * The built bot in demo mode with profiling on uploads its CPU and heap profiles to a
 * loopback stand-in for Pyroscope's ingest API, labelled like its other signals; with
 * profiling off it uploads nothing; with the endpoint down it serves on and warns once.
 */

const VERSION = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

/** One round a second, so the test need not wait for the production minute. */
const PROFILING = { ROBOSHPEE_PROFILING: 'true', PYROSCOPE_FLUSH_INTERVAL_MS: '1000' };
const ROLE_ADD = { command: 'role', subcommand: 'add', options: { name: 'Valheim' } } as const;
const EXPORT_FAILING = 'telemetry export failing';
const NOTHING_ANSWERS = 'no collector answers at';

const waitFor = <T>(check: () => T, timeout = 20_000) =>
  vi.waitFor(check, { timeout, interval: 200 });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A loopback port nothing listens on: uploads to it are refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('GIVEN the demo bot profiling to a receiver', () => {
  const otlp = new OtlpReceiver();
  const pyroscope = new PyroscopeReceiver();
  let bot: DemoBot;

  beforeAll(async () => {
    await Promise.all([otlp.start(0), pyroscope.start()]);
    bot = await DemoBot.start({
      ...PROFILING,
      OTEL_METRIC_EXPORT_INTERVAL: '1000',
      OTEL_EXPORTER_OTLP_ENDPOINT: otlp.endpoint,
      PYROSCOPE_SERVER_ADDRESS: pyroscope.endpoint,
    });
    await bot.interact(ROLE_ADD);
  }, 60_000);

  afterAll(async () => {
    await bot?.stop('SIGKILL');
    await Promise.all([otlp.stop(), pyroscope.stop()]);
  });

  test('THEN CPU and heap profiles arrive as pprof, labelled with the resource of its metrics', async () => {
    const [cpu, heap] = await waitFor(() => {
      const cpuProfile = pyroscope.profiles.find((p) => p.sampleTypes.includes('cpu:nanoseconds'));
      const heapProfile = pyroscope.profiles.find((p) => p.sampleTypes.includes('space:bytes'));
      expect(cpuProfile).toBeDefined();
      expect(heapProfile).toBeDefined();
      return [cpuProfile, heapProfile];
    });
    const resource = (
      await waitFor(() => {
        const metric = otlp.metrics[0];
        expect(metric).toBeDefined();
        return metric;
      })
    )?.resource;
    const labels = {
      service_version: VERSION,
      deployment_environment_name: 'demo',
      service_instance_id: resource?.['service.instance.id'],
    };
    expect(resource).toMatchObject({ 'service.name': 'roboshpee', 'service.version': VERSION });
    expect(labels.service_instance_id).toMatch(/^[0-9a-f-]{36}$/);
    for (const profile of [cpu, heap]) {
      expect(profile?.service).toBe('roboshpee');
      expect(profile?.labels).toEqual(labels);
      expect(profile?.query).toMatchObject({ format: 'pprof', spyName: 'nodespy' });
    }
    expect(cpu?.sampleTypes).toEqual(['sample:count', 'wall:nanoseconds', 'cpu:nanoseconds']);
    expect(cpu?.periodType).toBe('wall:nanoseconds');
    expect(cpu?.query.sampleRate).toBe('100');
    expect(heap?.sampleTypes).toEqual(['objects:count', 'space:bytes']);
    expect(heap?.query).not.toHaveProperty('sampleRate');
  }, 30_000);

  test('THEN Pyroscope stores them under every profile type the dashboards and links query', async () => {
    await waitFor(() =>
      expect([...new Set(pyroscope.profiles.flatMap(profileTypeIds))]).toEqual(
        expect.arrayContaining(Object.values(PROFILE_TYPES)),
      ),
    );
  }, 30_000);

  test('THEN uploads repeat, each period starting where the last one ended', async () => {
    const cpuProfiles = await waitFor(() => {
      const found = pyroscope.profiles.filter((p) => p.sampleTypes.includes('cpu:nanoseconds'));
      expect(found.length).toBeGreaterThanOrEqual(3);
      return found;
    });
    for (const [i, profile] of cpuProfiles.entries()) {
      const from = Number(profile.query.from);
      const until = Number(profile.query.until);
      expect(until, `profile ${i}: from ${from} until ${until}`).toBeGreaterThanOrEqual(from);
      const next = cpuProfiles[i + 1];
      // No gap and no overlap between rounds (whole seconds, as Pyroscope reads them).
      if (next) expect(Number(next.query.from), `profile ${i + 1}`).toBe(until);
    }
  }, 30_000);
});

describe('GIVEN the demo bot with profiling off (the default outside compose)', () => {
  test('THEN it uploads no profile', async () => {
    const pyroscope = await new PyroscopeReceiver().start();
    const bot = await DemoBot.start({
      PYROSCOPE_FLUSH_INTERVAL_MS: '1000',
      PYROSCOPE_SERVER_ADDRESS: pyroscope.endpoint,
      OTEL_TRACES_EXPORTER: 'none',
      OTEL_METRICS_EXPORTER: 'none',
    });
    try {
      await bot.interact(ROLE_ADD);
      await pause(3000);
      expect(pyroscope.requests).toBe(0);
    } finally {
      await bot.stop('SIGKILL');
      await pyroscope.stop();
    }
  }, 60_000);
});

describe('GIVEN the profiles endpoint down', () => {
  test('THEN the bot keeps serving and says once, as information, that nothing answers', async () => {
    const bot = await DemoBot.start({
      ...PROFILING,
      OTEL_TRACES_EXPORTER: 'none',
      OTEL_METRICS_EXPORTER: 'none',
      PYROSCOPE_SERVER_ADDRESS: `http://127.0.0.1:${await closedPort()}`,
    });
    try {
      await waitFor(() => expect(bot.linesWith(NOTHING_ANSWERS)).toHaveLength(1));
      const { callback } = await bot.interact(ROLE_ADD);
      expect(callback).toMatchObject({ type: 4, data: { content: 'Added "Valheim"' } });
      await pause(3000);
      // Never delivered: the way to try the bot without the stack, so not a warning.
      expect(bot.linesWith(NOTHING_ANSWERS)).toEqual([
        expect.objectContaining({ level: 30, signal: 'profiles' }),
      ]);
      expect(bot.linesWith(EXPORT_FAILING)).toEqual([]);
    } finally {
      await bot.stop('SIGKILL');
    }
  }, 60_000);

  test('WHEN it accepts uploads but never answers THEN nothing queues behind the pending ones', async () => {
    const hung = await new PyroscopeReceiver('never').start();
    const bot = await DemoBot.start({
      ...PROFILING,
      OTEL_TRACES_EXPORTER: 'none',
      OTEL_METRICS_EXPORTER: 'none',
      PYROSCOPE_SERVER_ADDRESS: hung.endpoint,
    });
    try {
      await waitFor(() => expect(hung.requests).toBe(2));
      // Three more rounds while both uploads hang (each gives up after 5 s).
      await pause(3000);
      expect(hung.requests, 'one CPU and one heap upload pending, nothing more').toBe(2);
    } finally {
      await bot.stop('SIGKILL');
      await hung.stop();
    }
  }, 60_000);
});
