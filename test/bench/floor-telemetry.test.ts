import { SpanKind } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { floorTelemetry } from '../../bench/floor-telemetry.js';
import { METRICS, RUNTIME_METRICS } from '../../bot/src/contract/bot-metrics.js';
import { LOG_FIELDS } from '../../bot/src/contract/logs.js';
import { SPANS, type SpanDeclaration } from '../../bot/src/contract/spans.js';
import {
  type InMemoryTelemetry,
  metricNamed,
  startInMemoryTelemetry,
} from '../../harness/bot/in-memory-telemetry.js';

/**
 * The bench's floor is the bot's per-command telemetry with no bot around it: run through
 * the bot's own pipeline (startTelemetry, in-memory exporters), one floor command sends
 * the spans, metric points and log record the contract declares for a command, with the
 * declared attributes, no fewer and no more.
 */

const KINDS = { server: SpanKind.SERVER, client: SpanKind.CLIENT, internal: SpanKind.INTERNAL };
const names = (declaration: SpanDeclaration) => declaration.attributes.map((a) => a.name).sort();

describe('GIVEN one command of the floor, exported through the bot telemetry pipeline', () => {
  let otel: InMemoryTelemetry;

  beforeAll(async () => {
    otel = startInMemoryTelemetry();
    floorTelemetry().command();
    await otel.flush();
  });

  afterAll(async () => {
    await otel.stop();
  });

  test.each([
    ['the command span', SPANS.command],
    ['the Discord REST span', SPANS.discordRest],
  ])('THEN %s is as declared: name, kind, scope and every attribute', (_, declared) => {
    const spans = otel.spans.getFinishedSpans().filter((span) => declared.matches.test(span.name));
    expect(spans).toHaveLength(1);
    const [span] = spans;
    expect(span?.kind).toBe(KINDS[declared.kind]);
    expect(span?.instrumentationScope.name).toBe(declared.scope);
    expect(Object.keys(span?.attributes ?? {}).sort()).toEqual(names(declared));
  });

  test("THEN the REST span is the command span's child, and nothing else is sent", () => {
    const spans = otel.spans.getFinishedSpans();
    const command = spans.find((span) => SPANS.command.matches.test(span.name));
    const rest = spans.find((span) => SPANS.discordRest.matches.test(span.name));
    expect(spans).toHaveLength(2);
    expect(rest?.parentSpanContext?.spanId).toBe(command?.spanContext().spanId);
  });

  test("THEN the log record carries the interaction line's attributes inside the command span", () => {
    const records = otel.logs.getFinishedLogRecords();
    const command = otel.spans
      .getFinishedSpans()
      .find((span) => SPANS.command.matches.test(span.name));
    const declared = Object.entries(LOG_FIELDS)
      .filter(([, field]) => field.otlp === 'attribute')
      .map(([name]) => name);
    expect(records).toHaveLength(1);
    expect(Object.keys(records[0]?.attributes ?? {}).sort()).toEqual(declared.sort());
    expect(records[0]?.spanContext?.spanId).toBe(command?.spanContext().spanId);
  });

  test.each([METRICS.commands, METRICS.commandDuration, RUNTIME_METRICS.httpClientDuration])(
    'THEN $name has one point with the declared attributes',
    async (declared) => {
      const metric = metricNamed(await otel.collect(), declared.name);
      expect(metric.dataPoints).toHaveLength(1);
      expect(Object.keys(metric.dataPoints[0]?.attributes ?? {}).sort()).toEqual(
        [...declared.attributes].sort(),
      );
    },
  );
});
