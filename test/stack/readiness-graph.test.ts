import { describe, expect, test } from 'vitest';
import { type ComposeService, loadCompose, serviceNamed } from '../../harness/compose/compose.js';
import { loadAlloyValues } from '../../harness/configs/alloy-config.js';
import { loadProvisionedDatasources } from '../../harness/configs/grafana-datasources.js';
import { COMPOSE_FILE } from '../../harness/repo/stack-files.js';
import { isListenAddress, parseAddress } from './address.js';

/**
 * Nothing relies on a service before something has seen it ready, and `docker compose up
 * --wait` (which waits for every healthcheck) returns only when the stack answers.
 * A service is readiness-checked by its own healthcheck or, when its image cannot run one
 * (Mimir: distroless, no health flag), by another service whose healthcheck asks its
 * readiness endpoint. Grafana, Alloy and the bot each wait (service_healthy) for such a
 * check of every service they send to or query, read from their own config.
 */

const compose = loadCompose();
/** The bot serves nothing with a real Discord token, so nothing can ask it (README). */
const UNCHECKABLE = ['bot'];

/** host, port and path a healthcheck asks over bash's /dev/tcp or with curl. */
function probedEndpoint(
  service: ComposeService,
): { host: string; port: number; path: string } | undefined {
  const check = service.healthcheck?.test;
  const script = Array.isArray(check) ? check.map(String).join(' ') : String(check ?? '');
  const tcp = /\/dev\/tcp\/([\w.-]+)\/(\d+)[\s\S]*?GET (\S+)/.exec(script);
  if (tcp) return { host: tcp[1] ?? '', port: Number(tcp[2]), path: tcp[3] ?? '' };
  const url = /https?:\/\/[^\s'"]+/.exec(script)?.[0];
  const address = url === undefined ? undefined : parseAddress(url);
  return address && { host: address.host, port: address.port, path: address.path };
}

/** The services whose healthcheck tells whether `name` is ready: itself, or its probers. */
function readinessCheckers(name: string): string[] {
  const own = serviceNamed(compose, name).healthcheck === undefined ? [] : [name];
  const probers = compose.services
    .filter((s) => s.name !== name && probedEndpoint(s)?.host === name)
    .map((s) => s.name);
  return [...own, ...probers];
}

function hostsOf(values: readonly string[]): string[] {
  const hosts = values
    .map(parseAddress)
    .filter((a) => a !== undefined && !isListenAddress(a))
    .map((a) => a?.host ?? '');
  return [...new Set(hosts)].filter((host) => compose.services.some((s) => s.name === host));
}

/** Who relies on whom, from each client's own configuration. */
const RELIANCE: Readonly<Record<string, () => string[]>> = {
  grafana: () => hostsOf(loadProvisionedDatasources().map((d) => d.url ?? '')),
  // Where it sends; its scrape targets are not awaited (a missed scrape is only a gap).
  alloy: () =>
    hostsOf(
      loadAlloyValues()
        .filter((v) => ['endpoint', 'url'].includes(v.key))
        .map((v) => v.value),
    ),
  bot: () => hostsOf([serviceNamed(compose, 'bot').environment.OTEL_EXPORTER_OTLP_ENDPOINT ?? '']),
};

describe(`${COMPOSE_FILE}: readiness before reliance`, () => {
  test('every service is readiness-checked by a healthcheck, its own or a prober', () => {
    const unchecked = compose.services
      .filter((s) => !UNCHECKABLE.includes(s.name) && readinessCheckers(s.name).length === 0)
      .map((s) => `${COMPOSE_FILE}: services.${s.name}: no healthcheck asks whether it is ready`);
    expect(unchecked).toEqual([]);
  });

  test("a prober asks its service's readiness endpoint on the port the service listens on", () => {
    const problems = compose.services.flatMap((prober) => {
      const probe = probedEndpoint(prober);
      const target = compose.services.find((s) => s.name === probe?.host);
      if (probe === undefined || target === undefined || target.name === prober.name) return [];
      const where = `${COMPOSE_FILE}: services.${prober.name}.healthcheck`;
      return [
        ...(probe.path === '/ready' ? [] : [`${where}: asks ${probe.path}, expected /ready`]),
        ...(target.healthcheck === undefined
          ? []
          : [`${where}: ${target.name} has a healthcheck of its own; depend on that`]),
      ];
    });
    expect(problems).toEqual([]);
  });

  test.each(Object.keys(RELIANCE))(
    '%s waits for a readiness check of every service it uses',
    (client) => {
      const used = RELIANCE[client]?.() ?? [];
      expect(used.length, `${client} uses no service of ${COMPOSE_FILE}?`).toBeGreaterThan(0);
      const { dependsOn } = serviceNamed(compose, client);
      const problems = used.flatMap((name) => {
        const checkers = readinessCheckers(name);
        const awaited = checkers.some((checker) => dependsOn[checker] === 'service_healthy');
        return awaited
          ? []
          : [
              `${COMPOSE_FILE}: services.${client}.depends_on: expected one of ${checkers.join(', ') || `(nothing checks ${name})`} with condition service_healthy (${client} uses ${name})`,
            ];
      });
      expect(problems).toEqual([]);
    },
  );
});
