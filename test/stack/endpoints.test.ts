import { describe, expect, test } from 'vitest';
import { loadCompose, serviceNamed } from '../../harness/compose/compose.js';
import { alloyEnvironmentVariables, loadAlloyValues } from '../../harness/configs/alloy-config.js';
import { loadProvisionedDatasources } from '../../harness/configs/grafana-datasources.js';
import { isRecord } from '../../harness/repo/parsed-document.js';
import { readRepoFile, readRepoYaml } from '../../harness/repo/repo.js';
import { ALLOY_CONFIG, SERVICE_CONFIGS } from '../../harness/repo/stack-files.js';
import { isListenAddress, parseAddress } from './address.js';
import { listeningPorts, unreachable } from './listening-ports.js';

const compose = loadCompose();
const ports = listeningPorts(compose);
const alloyValues = loadAlloyValues();

/** The Alloy config's outbound addresses (its own listen addresses excluded). */
const alloyPeers = alloyValues.flatMap((value) => {
  const address = parseAddress(value.value);
  return address && !isListenAddress(address) ? [{ value, address }] : [];
});

describe(ALLOY_CONFIG, () => {
  test('names the backends (a guard: the parser found them)', () => {
    expect(new Set(alloyPeers.map((p) => p.address.host))).toEqual(
      new Set(['tempo', 'loki', 'mimir', 'pyroscope', 'grafana']),
    );
  });

  test('every endpoint points at a compose service and a port it listens on', () => {
    const problems = alloyPeers.flatMap(({ value, address }) => {
      const why = unreachable(address, compose, ports);
      return why ? [`${ALLOY_CONFIG}:${value.line} ${value.key} = "${value.value}": ${why}`] : [];
    });
    expect(problems).toEqual([]);
  });

  test('every exporter and writer endpoint can be overridden from the environment', () => {
    const fixed = alloyPeers
      .filter(({ value }) => ['endpoint', 'url'].includes(value.key) && value.env === undefined)
      .map(
        ({ value }) =>
          `${ALLOY_CONFIG}:${value.line} ${value.key} = "${value.value}": expected coalesce(sys.env("..."), "${value.value}")`,
      );
    expect(fixed).toEqual([]);
  });

  test('every variable it reads is set in the alloy service', () => {
    const alloy = serviceNamed(compose, 'alloy');
    const missing = alloyEnvironmentVariables(readRepoFile(ALLOY_CONFIG))
      .filter((name) => !(name in alloy.environment))
      .map(
        (name) =>
          `compose.yaml: services.alloy.environment: expected ${name} (read by ${ALLOY_CONFIG})`,
      );
    expect(missing).toEqual([]);
  });
});

describe('Grafana datasources', () => {
  test('every URL points at a compose service and a port it listens on', () => {
    const problems = loadProvisionedDatasources().flatMap((ds) => {
      const address = ds.url === undefined ? undefined : parseAddress(ds.url);
      if (!address)
        return [
          `${ds.file}: datasource ${ds.uid}.url: expected http://service:port, got ${ds.url}`,
        ];
      const why = unreachable(address, compose, ports);
      return why ? [`${ds.file}: datasource ${ds.uid}.url = "${ds.url}": ${why}`] : [];
    });
    expect(problems).toEqual([]);
  });
});

describe('the bot service', () => {
  test('sends every OTLP signal to Alloy', () => {
    const bot = serviceNamed(compose, 'bot');
    const endpoints = Object.entries(bot.environment).filter(([name]) =>
      /^OTEL_EXPORTER_OTLP_(\w+_)?ENDPOINT$/.test(name),
    );
    expect(endpoints.map(([name]) => name)).toContain('OTEL_EXPORTER_OTLP_ENDPOINT');
    const problems = endpoints.flatMap(([name, value = '']) => {
      const address = parseAddress(value);
      if (address?.host !== 'alloy') {
        return [
          `compose.yaml: services.bot.environment.${name}: expected http://alloy:<OTLP port>, got "${value}"`,
        ];
      }
      const why = unreachable(address, compose, ports);
      return why ? [`compose.yaml: services.bot.environment.${name} = "${value}": ${why}`] : [];
    });
    expect(problems).toEqual([]);
  });

  test("sends profiles to Alloy's Pyroscope receiver, on by default", () => {
    const bot = serviceNamed(compose, 'bot');
    const value = bot.environment.PYROSCOPE_SERVER_ADDRESS ?? '';
    const address = parseAddress(value);
    const why =
      address?.host === 'alloy'
        ? unreachable(address, compose, ports)
        : `expected http://alloy:<receive_http port>, got "${value}"`;
    expect(why, `compose.yaml: services.bot.environment.PYROSCOPE_SERVER_ADDRESS`).toBeUndefined();
    expect(
      bot.environment.ROBOSHPEE_PROFILING,
      'compose.yaml: services.bot.environment.ROBOSHPEE_PROFILING',
    ).toBe('true');
  });
});

describe(SERVICE_CONFIGS.tempo, () => {
  test("the metrics generator's remote_write reaches Mimir with exemplars", () => {
    const tempo = readRepoYaml(SERVICE_CONFIGS.tempo);
    const generator = isRecord(tempo) ? tempo.metrics_generator : undefined;
    const storage = isRecord(generator) ? generator.storage : undefined;
    const remoteWrite =
      isRecord(storage) && Array.isArray(storage.remote_write) ? storage.remote_write : [];
    expect(
      remoteWrite.length,
      `${SERVICE_CONFIGS.tempo}: metrics_generator.storage.remote_write: expected one target`,
    ).toBeGreaterThan(0);
    const problems = remoteWrite.flatMap((target, i) => {
      const where = `${SERVICE_CONFIGS.tempo}: metrics_generator.storage.remote_write[${i}]`;
      if (!isRecord(target)) return [`${where}: expected a mapping`];
      const address = parseAddress(String(target.url));
      const why = address ? unreachable(address, compose, ports) : 'expected a URL';
      return [
        ...(why ? [`${where}.url = "${String(target.url)}": ${why}`] : []),
        ...(address?.host === 'mimir'
          ? []
          : [`${where}.url: expected Mimir, got ${String(target.url)}`]),
        ...(target.send_exemplars === true ? [] : [`${where}.send_exemplars: expected true`]),
      ];
    });
    expect(problems).toEqual([]);
  });
});
