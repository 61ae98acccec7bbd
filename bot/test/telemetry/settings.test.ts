import { describe, expect, test } from 'vitest';
import { readExportSettings } from '../../src/telemetry-sdk/export-settings.js';
import { readTelemetrySettings } from '../../src/telemetry-sdk/settings.js';

describe('readTelemetrySettings', () => {
  test('defaults: hashed user ids, logs on stdout only, no profiling', () => {
    expect(readTelemetrySettings({})).toEqual({
      userIds: 'hash',
      otlpLogs: false,
      profiling: false,
    });
  });
  test('explicit values are taken', () => {
    expect(
      readTelemetrySettings({
        ROBOSHPEE_USER_IDS: 'omit',
        ROBOSHPEE_OTLP_LOGS: 'true',
        ROBOSHPEE_PROFILING: 'true',
      }),
    ).toEqual({ userIds: 'omit', otlpLogs: true, profiling: true });
  });
  test.each([
    [{ ROBOSHPEE_USER_IDS: 'plain' }, "ROBOSHPEE_USER_IDS must be 'hash' or 'omit', got 'plain'"],
    [{ ROBOSHPEE_OTLP_LOGS: 'yes' }, "ROBOSHPEE_OTLP_LOGS must be 'true' or 'false', got 'yes'"],
    [{ ROBOSHPEE_PROFILING: 'on' }, "ROBOSHPEE_PROFILING must be 'true' or 'false', got 'on'"],
  ])('%o is refused naming the variable and the expected form', (env, message) => {
    expect(() => readTelemetrySettings(env)).toThrow(message);
  });
});

describe('readExportSettings', () => {
  test('demo mode exports metrics every 10 s, production every 60 s', () => {
    expect(readExportSettings({}).metricExportIntervalMillis).toBe(10_000);
    expect(readExportSettings({ DISCORD_TOKEN: 'x' }).metricExportIntervalMillis).toBe(60_000);
    expect(
      readExportSettings({ DISCORD_TOKEN: 'x', OTEL_METRIC_EXPORT_INTERVAL: '15000' })
        .metricExportIntervalMillis,
    ).toBe(15_000);
  });
  test('the metric export timeout never exceeds the interval', () => {
    const settings = readExportSettings({ OTEL_METRIC_EXPORT_INTERVAL: '2000' });
    expect(settings.metricExportTimeoutMillis).toBe(2000);
  });
  test('per-signal exporters: none turns a signal off, otlp is the default', () => {
    const settings = readExportSettings({
      OTEL_TRACES_EXPORTER: 'none',
      OTEL_LOGS_EXPORTER: 'console',
    });
    expect(settings).toMatchObject({ traces: [], metrics: ['otlp'], logs: ['console'] });
  });
  test('queue bounds come from OTEL_BSP_* and OTEL_BLRP_*', () => {
    const settings = readExportSettings({
      OTEL_BSP_MAX_QUEUE_SIZE: '100',
      OTEL_BLRP_SCHEDULE_DELAY: '50',
    });
    expect(settings.spanBatch.maxQueueSize).toBe(100);
    expect(settings.logBatch.scheduledDelayMillis).toBe(50);
  });
  test.each([
    [
      { OTEL_TRACES_EXPORTER: 'zipkin' },
      "OTEL_TRACES_EXPORTER must be a comma-separated list of otlp, console, none, got 'zipkin'",
    ],
    [
      { OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf' },
      "OTEL_EXPORTER_OTLP_PROTOCOL must be 'grpc'",
    ],
    [
      { OTEL_METRIC_EXPORT_INTERVAL: '0' },
      "OTEL_METRIC_EXPORT_INTERVAL must be an integer >= 1, got '0'",
    ],
    [
      { OTEL_BSP_MAX_QUEUE_SIZE: 'lots' },
      "OTEL_BSP_MAX_QUEUE_SIZE must be an integer >= 1, got 'lots'",
    ],
  ])('%o is refused naming the variable and the expected form', (env, message) => {
    expect(() => readExportSettings(env)).toThrow(message);
  });
});
