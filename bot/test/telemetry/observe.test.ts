import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { HistogramMetricData } from '@opentelemetry/sdk-metrics';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  type InMemoryTelemetry,
  metricNamed,
  startInMemoryTelemetry,
} from '../../../harness/bot/in-memory-telemetry.js';
import { ATTR, OTHER_ROLE } from '../../src/contract/attributes.js';
import { DURATION_BUCKETS_SECONDS, METRICS } from '../../src/contract/bot-metrics.js';
import { createLogger } from '../../src/telemetry/logger.js';
import {
  observeAutocomplete,
  observeCommand,
  observeRoleLookup,
  recordRoleChange,
} from '../../src/telemetry/observe.js';
import { configurePrivacy, hashUserId } from '../../src/telemetry/privacy.js';
import { DISCORD_PEER_SERVICE } from '../../src/telemetry-sdk/rest-span-hooks.js';

const GUILD = '111111111111111111';
const USER = '222222222222222222';
const MANAGEABLE = ['Valheim', 'Factorio'] as const;
const TOKEN = `aW50ZXJhY3Rpb246${'x'.repeat(60)}`;

let otel: InMemoryTelemetry;
let discord: Server;
let discordUrl: string;
const received: Array<{ url: string; headers: IncomingHttpHeaders }> = [];

beforeAll(async () => {
  otel = startInMemoryTelemetry();
  // A stand-in for Discord's REST API on loopback: answers every call with 204.
  discord = createServer((request, response) => {
    received.push({ url: request.url ?? '', headers: request.headers });
    response.writeHead(204).end();
  });
  await new Promise<void>((resolve) => discord.listen(0, '127.0.0.1', resolve));
  discordUrl = `http://127.0.0.1:${(discord.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await otel.stop();
  await new Promise((resolve) => discord.close(resolve));
});

beforeEach(() => {
  otel.spans.reset();
  otel.logs.reset();
  received.length = 0;
});

/** For the tests about spans and metrics: the log line is the `logs` tests' subject. */
const quiet = pino({ level: 'silent' });
const meta = { command: '/role add', subcommand: 'add', guildId: GUILD, shardId: 3, userId: USER };

async function finishedSpans(): Promise<ReadableSpan[]> {
  await otel.flush();
  return otel.spans.getFinishedSpans();
}

function only(spans: readonly ReadableSpan[], name: string): ReadableSpan {
  const matching = spans.filter((span) => span.name === name);
  expect(matching.map((span) => span.name)).toEqual([name]);
  return matching[0] as ReadableSpan;
}

describe('GIVEN /role add of a manageable role', () => {
  test('THEN one SERVER span named after the command carries command, guild, shard, hashed user, role and outcome', async () => {
    await observeCommand(meta, quiet, async (scope) => {
      const role = observeRoleLookup(() => 'Valheim');
      scope.setRole(role, MANAGEABLE);
      recordRoleChange('add', role, MANAGEABLE);
    });

    const spans = await finishedSpans();
    const span = only(spans, '/role add');
    expect(span.kind).toBe(SpanKind.SERVER);
    expect(span.attributes).toMatchObject({
      [ATTR.command]: '/role add',
      [ATTR.subcommand]: 'add',
      [ATTR.guild]: GUILD,
      [ATTR.shard]: 3,
      [ATTR.user]: hashUserId(USER),
      [ATTR.role]: 'Valheim',
      [ATTR.outcome]: 'ok',
      [ATTR.interactionType]: 'command',
    });
    expect(Object.values(span.attributes)).not.toContain(USER);
    expect(span.status.code).toBe(SpanStatusCode.UNSET);

    const lookup = only(spans, 'role lookup');
    expect(lookup.parentSpanContext?.spanId).toBe(span.spanContext().spanId);
    expect(lookup.spanContext().traceId).toBe(span.spanContext().traceId);
  });

  test('THEN the Discord REST call is a child CLIENT span to the peer service `discord`, without the interaction token', async () => {
    let traceId = '';
    await observeCommand(meta, quiet, async () => {
      traceId = trace.getActiveSpan()?.spanContext().traceId ?? '';
      await fetch(
        `${discordUrl}/api/v10/interactions/333333333333333333/${TOKEN}/callback?with_response=false`,
        {
          method: 'POST',
        },
      );
    });

    const spans = await finishedSpans();
    const server = only(spans, '/role add');
    const client = only(spans, 'POST /api/v10/interactions/{id}/{token}/callback');
    expect(client.kind).toBe(SpanKind.CLIENT);
    // The demo's double is 127.0.0.1, Discord is discord.com: the service graph names both `discord`.
    expect(client.attributes['peer.service']).toBe(DISCORD_PEER_SERVICE);
    expect(client.parentSpanContext?.spanId).toBe(server.spanContext().spanId);
    expect(JSON.stringify(client.attributes)).not.toContain(TOKEN);
    expect(client.attributes['url.path']).toBe(
      '/api/v10/interactions/333333333333333333/REDACTED/callback',
    );
    expect(client.attributes['url.full']).toBe(
      `${discordUrl}/api/v10/interactions/333333333333333333/REDACTED/callback?with_response=false`,
    );
    // The trace continues at Discord (here: the double) through the traceparent header.
    expect(received[0]?.headers.traceparent).toContain(traceId);
    expect(traceId).toBe(server.spanContext().traceId);
  });
});

describe('GIVEN an interaction that does not end well', () => {
  test('WHEN the role is not manageable THEN the span says `other` and `rejected`, status unset', async () => {
    await observeCommand(meta, quiet, async (scope) => {
      scope.setRole('Some Typed Name', MANAGEABLE);
      scope.setOutcome('rejected');
    });
    const span = only(await finishedSpans(), '/role add');
    expect(span.attributes[ATTR.role]).toBe(OTHER_ROLE);
    expect(span.attributes[ATTR.outcome]).toBe('rejected');
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
  });

  test('WHEN Discord forbids the change THEN the span status is ERROR with outcome forbidden', async () => {
    await observeCommand(meta, quiet, async (scope) => {
      scope.recordError(new Error('Missing Permissions'));
      scope.setOutcome('forbidden');
    });
    const span = only(await finishedSpans(), '/role add');
    expect(span.attributes[ATTR.outcome]).toBe('forbidden');
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.events.map((event) => event.name)).toEqual(['exception']);
  });

  test('WHEN the handler throws THEN the error is recorded, the outcome is error and the error propagates', async () => {
    const failure = new Error('boom');
    await expect(observeCommand(meta, quiet, async () => Promise.reject(failure))).rejects.toBe(
      failure,
    );
    const span = only(await finishedSpans(), '/role add');
    expect(span.attributes[ATTR.outcome]).toBe('error');
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.events[0]?.attributes?.['exception.message']).toBe('boom');
  });

  test('WHEN the role lookup throws THEN its span records the error too', async () => {
    await expect(
      observeCommand(meta, quiet, async () => {
        observeRoleLookup(() => {
          throw new Error('lookup failed');
        });
      }),
    ).rejects.toThrow('lookup failed');
    const lookup = only(await finishedSpans(), 'role lookup');
    expect(lookup.status).toEqual({ code: SpanStatusCode.ERROR, message: 'lookup failed' });
  });
});

describe('GIVEN an autocomplete request', () => {
  test('THEN its span is `<command> autocomplete` and it lands in the autocomplete histogram, not the command counter', async () => {
    const before = await otel.collect();
    const countBefore = metricNamed(before, METRICS.commands.name).dataPoints.reduce(
      (sum, point) => sum + (point.value as number),
      0,
    );
    await observeAutocomplete(meta, quiet, async () => ['Valheim']);
    const span = only(await finishedSpans(), '/role add autocomplete');
    expect(span.attributes[ATTR.interactionType]).toBe('autocomplete');

    const after = await otel.collect();
    const commands = metricNamed(after, METRICS.commands.name).dataPoints.reduce(
      (sum, point) => sum + (point.value as number),
      0,
    );
    expect(commands).toBe(countBefore);
    const autocomplete = metricNamed(
      after,
      METRICS.autocompleteDuration.name,
    ) as HistogramMetricData;
    const point = autocomplete.dataPoints.find(
      (candidate) => candidate.attributes[ATTR.command] === '/role add',
    );
    expect(point?.value.count).toBeGreaterThanOrEqual(1);
  });
});

describe('GIVEN ROBOSHPEE_USER_IDS=omit', () => {
  test('THEN spans carry no user attribute at all', async () => {
    configurePrivacy({ userIds: 'omit' });
    try {
      await observeCommand(meta, quiet, async () => {});
    } finally {
      configurePrivacy({ userIds: 'hash' });
    }
    const span = only(await finishedSpans(), '/role add');
    expect(span.attributes).not.toHaveProperty(ATTR.user);
  });
});

describe('metrics', () => {
  test('commands and durations are counted by command and outcome, with the declared buckets and unit', async () => {
    const before = await otel.collect();
    const countOf = (all: typeof before, outcome: string) =>
      (metricNamed(all, METRICS.commands.name).dataPoints.find(
        (point) =>
          point.attributes[ATTR.command] === '/role remove' &&
          point.attributes[ATTR.outcome] === outcome,
      )?.value as number | undefined) ?? 0;
    const removeMeta = { command: 'role', subcommand: 'remove', guildId: GUILD, userId: USER };
    await observeCommand(removeMeta, quiet, async () => {});
    await observeCommand(removeMeta, quiet, async () => {});
    await observeCommand(removeMeta, quiet, async (scope) => scope.setOutcome('rejected'));

    const after = await otel.collect();
    expect(countOf(after, 'ok') - countOf(before, 'ok')).toBe(2);
    expect(countOf(after, 'rejected') - countOf(before, 'rejected')).toBe(1);

    const duration = metricNamed(after, METRICS.commandDuration.name) as HistogramMetricData;
    expect(duration.descriptor.unit).toBe('s');
    const point = duration.dataPoints.find(
      (candidate) =>
        candidate.attributes[ATTR.command] === '/role remove' &&
        candidate.attributes[ATTR.outcome] === 'ok',
    );
    expect(point?.value.buckets.boundaries).toEqual([...DURATION_BUCKETS_SECONDS]);
    expect(point?.value.count).toBe(2);
    // An empty handler takes far less than 5 ms: both land in the first bucket.
    expect(point?.value.buckets.counts[0]).toBe(2);
  });

  test('role changes are counted by action and role, unknown roles as `other`', async () => {
    recordRoleChange('add', 'Factorio', MANAGEABLE);
    recordRoleChange('create', 'My New Game', MANAGEABLE);
    const all = await otel.collect();
    const changes = metricNamed(all, METRICS.roleChanges.name);
    const labels = changes.dataPoints.map((point) => point.attributes);
    expect(labels).toContainEqual({ [ATTR.roleAction]: 'add', [ATTR.role]: 'Factorio' });
    expect(labels).toContainEqual({ [ATTR.roleAction]: 'create', [ATTR.role]: OTHER_ROLE });
    expect(JSON.stringify(labels)).not.toContain('My New Game');
  });
});

/** A logger writing into `lines`, parsed. */
function capturing(): {
  logger: ReturnType<typeof createLogger>;
  lines: Record<string, unknown>[];
} {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger('roboshpee', sink), lines };
}

describe('logs', () => {
  test('WHEN the work throws THEN the interaction still gets its one line, with outcome error, and the error propagates', async () => {
    const { logger, lines } = capturing();
    const failure = new Error('boom');
    await expect(observeCommand(meta, logger, async () => Promise.reject(failure))).rejects.toBe(
      failure,
    );
    expect(lines.map((line) => line.msg)).toEqual([
      expect.stringMatching(/^\/role add error in \d+ ms$/),
    ]);
    const span = only(await finishedSpans(), '/role add');
    expect(lines[0]).toMatchObject({
      type: 'command',
      command: '/role add',
      outcome: 'error',
      trace_id: span.spanContext().traceId,
    });
  });

  test('WHEN writing the line fails THEN the interaction keeps its outcome and its result', async () => {
    const broken = pino({ level: 'info' });
    broken.info = () => {
      throw new Error('disk full');
    };
    await expect(observeCommand(meta, broken, async () => 'answered')).resolves.toBe('answered');
    const span = only(await finishedSpans(), '/role add');
    expect(span.attributes[ATTR.outcome]).toBe('ok');
  });

  test('a pino line written inside an interaction carries its trace id on stdout and as an OTel log record', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger('roboshpee', sink);
    await observeCommand(meta, logger, async (scope) => {
      scope.setRole('Valheim', MANAGEABLE);
      logger.info({ role: 'Valheim' }, "Added role 'Valheim' to user");
    });
    const span = only(await finishedSpans(), '/role add');
    const traceId = span.spanContext().traceId;

    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const body = expect.stringMatching(/^\/role add ok in \d+ ms$/);
    expect(parsed.map((line) => line.msg)).toEqual(["Added role 'Valheim' to user", body]);
    for (const line of parsed) expect(line.trace_id).toBe(traceId);
    expect(parsed[1]).toMatchObject({
      command: '/role add',
      outcome: 'ok',
      role: 'Valheim',
      user: hashUserId(USER),
    });
    expect(typeof parsed[1]?.durationMs).toBe('number');

    const records = otel.logs.getFinishedLogRecords();
    expect(records.map((record) => record.body)).toEqual(["Added role 'Valheim' to user", body]);
    // The body is text; every field stays a structured attribute beside it.
    expect(records[1]?.attributes).toMatchObject({ command: '/role add', outcome: 'ok' });
    for (const record of records) expect(record.spanContext?.traceId).toBe(traceId);
  });
});
