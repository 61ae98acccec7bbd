import { SpanKind } from '@opentelemetry/api';
import { OTLPLogExporter } from '@opentelemetry/exporter-logs-otlp-grpc';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-grpc';
// The receiver is checked against the real OTLP gRPC exporters before the wire tests
// rely on it: what the SDK sends must come out decoded as the SDK knew it.
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchLogRecordProcessor, LoggerProvider } from '@opentelemetry/sdk-logs';
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { OtlpReceiver } from '../../../harness/receivers/otlp-receiver.js';

const receiver = new OtlpReceiver();
beforeAll(() => receiver.start(0));
afterAll(() => receiver.stop());

test('spans, metric points and log records sent by the SDK arrive decoded', async () => {
  const url = receiver.endpoint;
  const resource = resourceFromAttributes({ 'service.name': 'receiver-check', answer: 42 });
  const tracing = new TracerProvider({
    resource,
    spanProcessors: [new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url }) })],
  });
  const reader = new PeriodicExportingMetricReader({
    exporter: new OTLPMetricExporter({ url }),
    exportIntervalMillis: 60_000,
  });
  const metering = new MeterProvider({ resource, readers: [reader] });
  const logging = new LoggerProvider({
    resource,
    processors: [new BatchLogRecordProcessor({ exporter: new OTLPLogExporter({ url }) })],
  });

  const span = tracing.getTracer('check').startSpan('checked', {
    kind: SpanKind.SERVER,
    attributes: { 'a.string': 'x', 'a.number': 7, 'a.flag': true, 'a.list': ['p', 'q'] },
  });
  span.end();
  const meter = metering.getMeter('check');
  meter.createCounter('check.count').add(3, { k: 'v' });
  meter
    .createHistogram('check.duration', {
      unit: 's',
      advice: { explicitBucketBoundaries: [0.1, 1] },
    })
    .record(0.5);
  logging.getLogger('check').emit({ body: 'hello', severityText: 'INFO', attributes: { n: 1.5 } });

  await Promise.all([tracing.shutdown(), metering.shutdown(), logging.shutdown()]);

  expect(receiver.spans).toHaveLength(1);
  expect(receiver.spans[0]).toMatchObject({
    traceId: span.spanContext().traceId,
    spanId: span.spanContext().spanId,
    parentSpanId: '',
    name: 'checked',
    kind: 2,
    attributes: { 'a.string': 'x', 'a.number': 7, 'a.flag': true, 'a.list': ['p', 'q'] },
    scope: 'check',
    resource: { 'service.name': 'receiver-check', answer: 42 },
  });
  const count = receiver.metrics.find((metric) => metric.name === 'check.count');
  expect(count).toMatchObject({ type: 'sum', points: [{ attributes: { k: 'v' }, value: 3 }] });
  const duration = receiver.metrics.find((metric) => metric.name === 'check.duration');
  expect(duration).toMatchObject({
    type: 'histogram',
    unit: 's',
    points: [{ count: 1, sum: 0.5, bounds: [0.1, 1] }],
  });
  expect(receiver.logs).toMatchObject([
    { body: 'hello', severityText: 'INFO', attributes: { n: 1.5 }, traceId: '' },
  ]);
});
