import { afterEach, expect, test } from 'vitest';
import {
  registerTelemetry,
  shutdownTelemetry,
  type TelemetryLifecycle,
} from '../../src/telemetry/lifecycle.js';

const running = (shutdown: TelemetryLifecycle['shutdown']): TelemetryLifecycle => ({
  endpoint: 'http://localhost:4317/',
  undelivered: () => ({ spans: 0, metricExports: 0, logRecords: 0 }),
  shutdown,
});

const KEY = Symbol.for('roboshpee.telemetry');
afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[KEY];
});

test('without the preload there is nothing to flush', async () => {
  expect(await shutdownTelemetry()).toBe('not-running');
});

test('a flush that completes reports flushed', async () => {
  let calls = 0;
  registerTelemetry(
    running(async () => {
      calls += 1;
    }),
  );
  expect(await shutdownTelemetry(1000)).toBe('flushed');
  expect(calls).toBe(1);
});

test('a flush that hangs (backend gone) is abandoned at the timeout', async () => {
  registerTelemetry(running(() => new Promise(() => {})));
  const started = performance.now();
  expect(await shutdownTelemetry(200)).toBe('timed-out');
  expect(performance.now() - started).toBeLessThan(1000);
});

test('a flush that fails does not reject', async () => {
  registerTelemetry(running(() => Promise.reject(new Error('UNAVAILABLE'))));
  expect(await shutdownTelemetry(1000)).toBe('failed');
});
