import { Writable } from 'node:stream';
import { SeverityNumber, trace } from '@opentelemetry/api';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  type InMemoryTelemetry,
  startInMemoryTelemetry,
} from '../../../harness/bot/in-memory-telemetry.js';
import { createLogger } from '../../src/telemetry/logger.js';

/** A logger writing into `lines` instead of stdout. */
function capturingLogger(lines: string[], name = 'roboshpee') {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return createLogger(name, sink);
}

/** What instrumentation-pino made of a line, and Loki's queries read: all but these. */
const NOT_ATTRIBUTES = ['time', 'msg', 'err', 'level', 'pid', 'hostname', 'otel.event.name'];
const TRACE_KEYS = ['trace_id', 'span_id', 'trace_flags'];

function attributesOf(line: string): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(JSON.parse(line) as Record<string, unknown>).filter(
      ([key]) => !NOT_ATTRIBUTES.includes(key) && !TRACE_KEYS.includes(key),
    ),
  );
}

describe('GIVEN the SDK sending logs', () => {
  let otel: InMemoryTelemetry;
  beforeAll(() => {
    otel = startInMemoryTelemetry();
  });
  afterAll(() => otel.stop());
  beforeEach(() => otel.logs.reset());

  test('WHEN lines are logged THEN each record is its line: body, severity, time and every other field as an attribute', async () => {
    const lines: string[] = [];
    const logger = capturingLogger(lines);
    logger.info({ command: '/role list', outcome: 'ok', durationMs: 1.25, shard: 0 }, 'listed');
    logger.warn({ signal: 'logs', err: 'connect ECONNREFUSED' }, 'telemetry export failing');
    logger.error(
      { error: { name: 'DiscordAPIError', code: 50013, path: ['roles', 3] } },
      'command failed',
    );
    logger.child({ component: 'demo' }).info({ ready: true }, 'demo mode');
    logger.child({ component: 'demo' }).info({ undefinedField: undefined }, 'no such field');
    logger.info({ 'otel.event.name': 'role.changed', role: 'Valheim' }, 'an event');
    await otel.flush();

    const records = otel.logs.getFinishedLogRecords();
    expect(records).toHaveLength(lines.length);
    records.forEach((record, index) => {
      const line = JSON.parse(lines[index] ?? '') as Record<string, unknown>;
      expect(record.body).toBe(line.msg);
      const { 'exception.message': _exception, ...attributes } = record.attributes;
      expect(attributes).toEqual(attributesOf(lines[index] ?? ''));
      expect(record.hrTime).toEqual([Math.floor(Number(line.time) / 1000), expect.any(Number)]);
    });
    expect(records.map((record) => [record.severityNumber, record.severityText])).toEqual([
      [SeverityNumber.INFO, 'info'],
      [SeverityNumber.WARN, 'warn'],
      [SeverityNumber.ERROR, 'error'],
      [SeverityNumber.INFO, 'info'],
      [SeverityNumber.INFO, 'info'],
      [SeverityNumber.INFO, 'info'],
    ]);
    expect(records[5]?.eventName).toBe('role.changed');
    // Spot checks of what the comparison above covers: scalars, nested maps, bindings.
    expect(records[0]?.attributes).toEqual({
      name: 'roboshpee',
      command: '/role list',
      outcome: 'ok',
      durationMs: 1.25,
      shard: 0,
    });
    // `err` is the record's exception, which the SDK records as exception attributes.
    expect(records[1]?.attributes['exception.message']).toBe('connect ECONNREFUSED');
    expect(records[2]?.attributes.error).toEqual({
      name: 'DiscordAPIError',
      code: 50013,
      path: ['roles', 3],
    });
    expect(records[3]?.attributes).toEqual({ name: 'roboshpee', component: 'demo', ready: true });
  });

  test('WHEN a line is logged inside a span THEN its record and its line carry that span', async () => {
    const lines: string[] = [];
    const logger = capturingLogger(lines);
    const spanContext = trace.getTracer('test').startActiveSpan('work', (span) => {
      logger.info({ role: 'Valheim' }, 'inside');
      span.end();
      return span.spanContext();
    });
    logger.info('outside');
    await otel.flush();

    const [inside, outside] = otel.logs.getFinishedLogRecords();
    expect(inside?.spanContext).toMatchObject({
      traceId: spanContext.traceId,
      spanId: spanContext.spanId,
    });
    expect(outside?.spanContext).toBeUndefined();
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      trace_id: spanContext.traceId,
      span_id: spanContext.spanId,
      trace_flags: '01',
    });
    expect(JSON.parse(lines[1] ?? '')).not.toHaveProperty('trace_id');
    // The ids are the record's own, not attributes.
    expect(inside?.attributes).toEqual({ name: 'roboshpee', role: 'Valheim' });
  });
});

describe('GIVEN the SDK with ROBOSHPEE_OTLP_LOGS=false', () => {
  test('WHEN a line is logged THEN it is written but no record is made', async () => {
    const otel = startInMemoryTelemetry({ ROBOSHPEE_OTLP_LOGS: 'false' });
    try {
      const lines: string[] = [];
      capturingLogger(lines).info('only a line');
      await otel.flush();
      expect(lines).toHaveLength(1);
      expect(otel.logs.getFinishedLogRecords()).toEqual([]);
    } finally {
      await otel.stop();
    }
  });
});
