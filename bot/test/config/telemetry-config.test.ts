import { describe, expect, test } from 'vitest';
import { loadTelemetryConfig } from '../../src/config/telemetry-config.js';

/** What the preload hands the SDK; a test of the SDK's settings needs it running. */
function sdkSettings(env: NodeJS.ProcessEnv) {
  const { sdk } = loadTelemetryConfig(env);
  if (sdk === undefined) throw new Error('expected the SDK to run');
  return sdk;
}

const readExportSettings = (env: NodeJS.ProcessEnv) => sdkSettings(env).export;
const readProfilingSettings = (env: NodeJS.ProcessEnv) => {
  const { profiling } = sdkSettings({ ROBOSHPEE_PROFILING: 'true', ...env });
  if (profiling === undefined) throw new Error('expected profiling settings');
  return profiling;
};

describe('loadTelemetryConfig', () => {
  test('defaults: hashed user ids, logs on stdout only, no profiling, demo, info', () => {
    const config = loadTelemetryConfig({});
    expect(config.privacy).toEqual({ userIds: 'hash' });
    expect(config.sdk).toMatchObject({ mode: 'demo', logLevel: 'info', otlpLogs: false });
    expect(config.sdk?.profiling).toBeUndefined();
  });
  test('explicit values are taken', () => {
    const config = loadTelemetryConfig({
      ROBOSHPEE_USER_IDS: 'omit',
      ROBOSHPEE_OTLP_LOGS: 'true',
      ROBOSHPEE_PROFILING: 'true',
      LOG_LEVEL: 'debug',
      DISCORD_TOKEN_FILE: '/run/credentials/roboshpee.service/discord-token',
    });
    expect(config.privacy).toEqual({ userIds: 'omit' });
    expect(config.sdk).toMatchObject({ mode: 'discord', logLevel: 'debug', otlpLogs: true });
    expect(config.sdk?.profiling).toBeDefined();
  });
  test('OTEL_SDK_DISABLED=true: only the privacy rule, which log lines follow without the SDK', () => {
    expect(
      loadTelemetryConfig({ OTEL_SDK_DISABLED: 'TRUE', OTEL_METRIC_EXPORT_INTERVAL: 'soon' }),
    ).toEqual({ privacy: { userIds: 'hash' } });
  });
  test("the exporters' endpoints are shown without credentials by the telemetry log, read here", () => {
    const { endpoints } = sdkSettings({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://alloy:4317',
      OTEL_EXPORTER_OTLP_LOGS_ENDPOINT: 'http://logs:4317',
    });
    expect(endpoints).toEqual({
      traces: 'http://alloy:4317',
      metrics: 'http://alloy:4317',
      logs: 'http://logs:4317',
      profiles: 'http://localhost:4040',
    });
  });
  test.each([
    [{ ROBOSHPEE_USER_IDS: 'plain' }, "ROBOSHPEE_USER_IDS must be 'hash' or 'omit', got 'plain'"],
    [
      { ROBOSHPEE_OTLP_LOGS: 'maybe' },
      "ROBOSHPEE_OTLP_LOGS must be one of true, false, 1, 0, yes, no, on, off, got 'maybe'",
    ],
    [
      { ROBOSHPEE_PROFILING: 'maybe' },
      "ROBOSHPEE_PROFILING must be one of true, false, 1, 0, yes, no, on, off, got 'maybe'",
    ],
    [
      { LOG_LEVEL: 'loud' },
      "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got 'loud'",
    ],
    [
      { ROBOSHPEE_DEMO: 'maybe' },
      "ROBOSHPEE_DEMO must be one of true, false, 1, 0, yes, no, on, off, got 'maybe'",
    ],
    [
      { OTEL_EXPORTER_OTLP_ENDPOINT: 'alloy:4317' },
      "OTEL_EXPORTER_OTLP_ENDPOINT must be an http:// or https:// URL such as http://localhost:4317, got 'alloy:4317'",
    ],
    [
      { OTEL_EXPORTER_OTLP_LOGS_ENDPOINT: 'htps://user:secret@logs.example.net' },
      "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT must be an http:// or https:// URL such as http://localhost:4317, got one starting 'htps:'",
    ],
    [
      { OTEL_EXPORTER_OTLP_TIMEOUT: '10s' },
      "OTEL_EXPORTER_OTLP_TIMEOUT must be an integer >= 1, got '10s'",
    ],
    [
      { OTEL_EXPORTER_OTLP_METRICS_COMPRESSION: 'zstd' },
      "OTEL_EXPORTER_OTLP_METRICS_COMPRESSION must be one of gzip, none, got 'zstd'",
    ],
    [
      { OTEL_TRACES_SAMPLER: 'ratio' },
      "OTEL_TRACES_SAMPLER must be one of always_on, always_off, traceidratio, parentbased_always_on, parentbased_always_off, parentbased_traceidratio, got 'ratio'",
    ],
    [
      { OTEL_TRACES_SAMPLER_ARG: '10%' },
      "OTEL_TRACES_SAMPLER_ARG must be a ratio from 0 to 1, got '10%'",
    ],
    [
      { OTEL_PROPAGATORS: 'tracecontext,w3c' },
      "OTEL_PROPAGATORS must be a comma-separated list of tracecontext, baggage, b3, b3multi, none, got 'tracecontext,w3c'",
    ],
    [
      { OTEL_LOG_LEVEL: 'chatty' },
      "OTEL_LOG_LEVEL must be one of none, error, warn, info, debug, verbose, all, got 'chatty'",
    ],
  ])('%o is refused naming the variable and the expected form', (env, message) => {
    expect(() => loadTelemetryConfig(env)).toThrow(message);
  });

  test("the SDK's own variables in the forms the specification gives are accepted", () => {
    expect(() =>
      loadTelemetryConfig({
        OTEL_EXPORTER_OTLP_ENDPOINT: ' https://otlp.example.net:4317 ',
        OTEL_EXPORTER_OTLP_TIMEOUT: '5000',
        OTEL_EXPORTER_OTLP_TRACES_COMPRESSION: 'gzip',
        OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
        OTEL_TRACES_SAMPLER_ARG: '0.25',
        OTEL_PROPAGATORS: 'tracecontext, baggage',
        OTEL_LOG_LEVEL: 'DEBUG',
      }),
    ).not.toThrow();
  });
  test('a secret in a refused endpoint is not repeated', () => {
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: 'htps://user:s3cr3t@otlp.example.net' };
    expect(() => loadTelemetryConfig(env)).toThrow("got one starting 'htps:'");
    expect(() => loadTelemetryConfig(env)).not.toThrow(/s3cr3t/);
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
  test("by default the span queue holds 3 s of spans at the bot's maximum (2 spans per command, 1300 commands/s)", () => {
    expect(readExportSettings({}).spanBatch.maxQueueSize).toBeGreaterThanOrEqual(3 * 2 * 1300);
  });
  test('by default the log queue holds as many commands as the span queue (one record, two spans each)', () => {
    const settings = readExportSettings({});
    expect(settings.logBatch.maxQueueSize).toBeGreaterThanOrEqual(
      settings.spanBatch.maxQueueSize / 2,
    );
  });
  test('by default one span export carries as many commands as one log export (two spans, one record each)', () => {
    const { spanBatch, logBatch } = readExportSettings({});
    expect(spanBatch.maxExportBatchSize / 2).toBeGreaterThanOrEqual(logBatch.maxExportBatchSize);
    // Each queue holds several batches, so that one can fill while another is in flight.
    expect(spanBatch.maxQueueSize).toBeGreaterThanOrEqual(4 * spanBatch.maxExportBatchSize);
    expect(logBatch.maxQueueSize).toBeGreaterThanOrEqual(4 * logBatch.maxExportBatchSize);
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

describe('readProfilingSettings', () => {
  test("defaults: Pyroscope on this machine, the SDKs' one-minute period", () => {
    const settings = readProfilingSettings({});
    expect(settings.serverAddress.href).toBe('http://localhost:4040/');
    expect(settings.flushIntervalMillis).toBe(60_000);
  });
  test('explicit values are taken', () => {
    const settings = readProfilingSettings({
      PYROSCOPE_SERVER_ADDRESS: 'https://profiles.example.net',
      PYROSCOPE_FLUSH_INTERVAL_MS: '10000',
    });
    expect(settings.serverAddress.href).toBe('https://profiles.example.net/');
    expect(settings.flushIntervalMillis).toBe(10_000);
  });
  test.each([
    [
      { PYROSCOPE_SERVER_ADDRESS: 'alloy:9999' },
      "PYROSCOPE_SERVER_ADDRESS must be an http:// or https:// URL, got 'alloy:9999'",
    ],
    [
      { PYROSCOPE_FLUSH_INTERVAL_MS: '500' },
      "PYROSCOPE_FLUSH_INTERVAL_MS must be an integer >= 1000, got '500'",
    ],
    [
      { PYROSCOPE_FLUSH_INTERVAL_MS: '10s' },
      "PYROSCOPE_FLUSH_INTERVAL_MS must be an integer >= 1000, got '10s'",
    ],
  ])('%o is refused naming the variable and the expected form', (env, message) => {
    expect(() => readProfilingSettings(env)).toThrow(message);
  });
  test('a mistyped scheme is refused without echoing the credentials in the URL', () => {
    const env = { PYROSCOPE_SERVER_ADDRESS: 'htps://123456:glc_secret@profiles.example.net' };
    expect(() => readProfilingSettings(env)).toThrow("got one starting 'htps:'");
    expect(() => readProfilingSettings(env)).not.toThrow(/glc_secret|123456/);
  });
});
