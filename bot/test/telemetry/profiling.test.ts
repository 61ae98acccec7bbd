import { resourceFromAttributes } from '@opentelemetry/resources';
import { describe, expect, test } from 'vitest';
import { applicationName } from '../../src/telemetry-sdk/profiling/profile-labels.js';
import { readProfilingSettings } from '../../src/telemetry-sdk/profiling/profiling-settings.js';

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
      "PYROSCOPE_SERVER_ADDRESS must be an http:// or https:// URL, got one starting 'alloy:'",
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

describe('applicationName', () => {
  test('GIVEN the resource THEN the service name carries version, environment and instance', () => {
    const resource = resourceFromAttributes({
      'service.name': 'roboshpee',
      'service.version': '0.1.0',
      'deployment.environment.name': 'prod',
      'service.instance.id': 'b3c1',
      'host.name': 'left-out',
    });
    expect(applicationName(resource)).toBe(
      'roboshpee{service_version=0.1.0,deployment_environment_name=prod,service_instance_id=b3c1}',
    );
  });
  test('GIVEN values with the characters of the name syntax THEN they are replaced, not sent', () => {
    const resource = resourceFromAttributes({
      'service.name': 'bot{x}',
      'deployment.environment.name': 'a=b,c',
    });
    expect(applicationName(resource)).toBe('bot_x_{deployment_environment_name=a_b_c}');
  });
});
