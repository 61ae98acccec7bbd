import type { ControlRequest } from '@roboshpee/discord-double';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { DemoBot } from '../../../harness/bot/demo-bot.js';
import { isInteractionLine } from '../../../harness/bot/interaction-line.js';
import { OtlpReceiver } from '../../../harness/receivers/otlp-receiver.js';
import { METRICS, RUNTIME_METRICS } from '../../src/contract/bot-metrics.js';
import { LOG_FIELDS } from '../../src/contract/logs.js';
import { SPANS, type SpanDeclaration } from '../../src/contract/spans.js';

/**
 * The built bot in demo mode, driven through every kind of interaction and failure the
 * contract has a name for, exports over real OTLP/gRPC to a test receiver: what arrives is
 * what bot/src/contract declares, and what it declares for the bot arrives.
 */

const FAST_EXPORT = {
  ROBOSHPEE_OTLP_LOGS: 'true',
  OTEL_METRIC_EXPORT_INTERVAL: '500',
  OTEL_BSP_SCHEDULE_DELAY: '200',
  OTEL_BLRP_SCHEDULE_DELAY: '200',
};

const roleAdd = (name: string) => ({ command: 'role', subcommand: 'add', options: { name } });

/** Each fault on a role the demo user does not hold yet, so that a REST call is made. */
const INTERACTIONS: readonly ControlRequest[] = [
  roleAdd('Valheim'),
  { ...roleAdd('Val'), autocomplete: true },
  { ...roleAdd('Factorio'), fault: 'forbidden' },
  { ...roleAdd('Helldivers 2'), fault: 'server_error' },
  { ...roleAdd('Deep Rock Galactic'), fault: 'rate_limited' },
  { command: 'role', subcommand: 'list' },
];

/**
 * Observed only once discord.js has a heartbeat acknowledged, which the double's 41 s
 * interval puts out of a test's reach (discord-client-metrics.test.ts covers it).
 */
const AFTER_A_HEARTBEAT: readonly string[] = [METRICS.gatewayPing.name];
const arriving = Object.values(METRICS).filter(
  (metric) => !AFTER_A_HEARTBEAT.includes(metric.name),
);

/** The bot's own scope, as its instruments and tracer are named. */
const BOT_SCOPE = 'roboshpee';

const declarationOf = (name: string): SpanDeclaration | undefined =>
  Object.values(SPANS).find((span: SpanDeclaration) => span.matches.test(name));

describe('GIVEN the demo bot serving every kind of interaction, exporting to a receiver', () => {
  const receiver = new OtlpReceiver();
  let bot: DemoBot;

  /** The line each interaction ends with, `/role add ok in 12 ms`. */
  const interactionRecords = () =>
    receiver.logs.filter(
      (record) => typeof record.body === 'string' && / in \d+ ms$/.test(record.body),
    );

  beforeAll(async () => {
    await receiver.start(0);
    bot = await DemoBot.start({ ...FAST_EXPORT, OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint });
    for (const interaction of INTERACTIONS) await bot.interact(interaction);
    // Every bot instrument has reported once the error and rate-limit counters have.
    await vi.waitFor(
      () => {
        const names = new Set(receiver.metrics.map((metric) => metric.name));
        for (const metric of arriving) expect(names).toContain(metric.name);
        expect(interactionRecords().length).toBe(INTERACTIONS.length);
      },
      { timeout: 20_000, interval: 200 },
    );
  }, 90_000);

  afterAll(async () => {
    await bot?.stop('SIGKILL');
    await receiver.stop();
  });

  test('THEN every span is one the contract declares, from the scope it declares', () => {
    const undeclared = receiver.spans
      .filter((span) => declarationOf(span.name)?.scope !== span.scope)
      .map((span) => `${span.name} (${span.scope})`);
    expect(undeclared).toEqual([]);
  });

  test("THEN the bot's spans carry only declared attributes, and every declared span arrives", () => {
    for (const span of receiver.spans.filter((candidate) => candidate.scope === BOT_SCOPE)) {
      const declared = declarationOf(span.name)?.attributes.map((attribute) => attribute.name);
      for (const key of Object.keys(span.attributes)) expect(declared, span.name).toContain(key);
    }
    for (const declared of Object.values(SPANS)) {
      expect(
        receiver.spans.some((span) => declared.matches.test(span.name)),
        declared.name,
      ).toBe(true);
    }
  });

  test("THEN each Discord REST span carries what the contract declares for it, and of undici's own attributes only those the bot cannot leave off", () => {
    const rest = receiver.spans.filter((span) => SPANS.discordRest.matches.test(span.name));
    const declared = SPANS.discordRest.attributes.map((attribute) => attribute.name);
    // The duration histogram's labels come from the span's start attributes; undici sets the
    // peer's address and port, and error.type on a failed call, after the span has started.
    const unavoidable = [
      ...RUNTIME_METRICS.httpClientDuration.attributes,
      'network.peer.address',
      'network.peer.port',
      'error.type',
    ];
    expect(rest.length).toBeGreaterThan(0);
    for (const span of rest) {
      expect(Object.keys(span.attributes), span.name).toEqual(expect.arrayContaining(declared));
      for (const key of Object.keys(span.attributes)) {
        expect([...declared, ...unavoidable], span.name).toContain(key);
      }
    }
  });

  test("THEN the bot's metrics are the declared ones, with declared attributes and units", () => {
    const own = receiver.metrics.filter((metric) => metric.scope === BOT_SCOPE);
    const names = new Set(own.map((metric) => metric.name));
    expect([...names].filter((name) => !AFTER_A_HEARTBEAT.includes(name)).sort()).toEqual(
      arriving.map((metric) => metric.name).sort(),
    );
    for (const metric of own) {
      const declared = Object.values(METRICS).find((candidate) => candidate.name === metric.name);
      expect(metric.unit, metric.name).toBe(declared?.unit);
      for (const point of metric.points) {
        for (const key of Object.keys(point.attributes)) {
          expect(declared?.attributes, metric.name).toContain(key);
        }
      }
    }
  });

  test('THEN the interaction log records carry as attributes exactly the fields declared so', () => {
    const records = interactionRecords();
    const declared = Object.entries(LOG_FIELDS)
      .filter(([, field]) => field.otlp === 'attribute')
      .map(([name]) => name);
    for (const record of records) {
      expect(record.traceId, String(record.body)).toMatch(/^[0-9a-f]{32}$/);
      for (const key of Object.keys(record.attributes)) {
        expect(declared, String(record.body)).toContain(key);
      }
    }
    const seen = new Set(records.flatMap((record) => Object.keys(record.attributes)));
    expect([...seen].sort()).toEqual([...declared].sort());
  });

  test('THEN the interaction lines on stdout have exactly the declared fields', () => {
    const lines = bot.lines.filter(isInteractionLine);
    expect(lines).toHaveLength(INTERACTIONS.length);
    const seen = new Set(lines.flatMap((line) => Object.keys(line)));
    expect([...seen].sort()).toEqual(Object.keys(LOG_FIELDS).sort());
  });
});
