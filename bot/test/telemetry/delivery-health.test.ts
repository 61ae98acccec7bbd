import { ExportResultCode } from '@opentelemetry/core';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { expect, test } from 'vitest';
import {
  DeliveryHealth,
  monitorExporter,
  type Signal,
} from '../../src/telemetry-sdk/delivery-health.js';

function recorder() {
  const events: string[] = [];
  const health = new DeliveryHealth({
    down: (signal: Signal, error) => events.push(`down ${signal} ${error?.message}`),
    up: (signal: Signal) => events.push(`up ${signal}`),
  });
  return { events, health };
}

const failed = { code: ExportResultCode.FAILED, error: new Error('UNAVAILABLE') };
const ok = { code: ExportResultCode.SUCCESS };

test('an outage is reported once however many batches of any signal fail, and its end once', () => {
  const { events, health } = recorder();
  health.record('traces', ok);
  for (let batch = 0; batch < 50; batch += 1) {
    health.record('traces', failed);
    health.record('metrics', failed);
    health.record('logs', failed);
  }
  health.record('traces', ok);
  health.record('metrics', ok);
  expect(events).toEqual(['down traces UNAVAILABLE']);
  health.record('logs', ok);
  expect(events).toEqual(['down traces UNAVAILABLE', 'up logs']);
  health.record('metrics', failed);
  expect(events).toHaveLength(3);
});

test('a monitored exporter still exports and reports each result', async () => {
  const { events, health } = recorder();
  const inner = new InMemorySpanExporter();
  const monitored = monitorExporter(inner, 'traces', health);
  const exportOnce = () =>
    new Promise<ExportResultCode>((resolve) =>
      monitored.export([], (result) => resolve(result.code)),
    );
  expect(await exportOnce()).toBe(ExportResultCode.SUCCESS);
  await monitored.shutdown();
  // After shutdown the in-memory exporter refuses: the failure reaches both the caller and the monitor.
  expect(await exportOnce()).toBe(ExportResultCode.FAILED);
  expect(events).toHaveLength(1);
  expect(events[0]).toMatch(/^down traces/);
});
