import { describe, expect, test } from 'vitest';
import {
  type Compose,
  type Environment,
  loadCompose,
  loadComposeDocument,
} from '../../harness/compose/compose.js';
import { loadComposeOverride } from '../../harness/compose/compose-override.js';
import { readRepoFile } from '../../harness/repo/repo.js';
import { COMPOSE_FILE } from '../../harness/repo/stack-files.js';

/**
 * Every host port the stack publishes can be moved from .env (a port another program holds
 * is the first failure a user meets), on 127.0.0.1 unless said otherwise, with the defaults
 * the README names; and TZ reaches the services that show times.
 */

const OBJECT_STORAGE = 'compose.object-storage.yaml';

/** Each variant as Compose runs it with `env`, and the files as written (for their variables). */
const VARIANTS: Readonly<
  Record<string, { read: (env?: Environment) => Compose; written: Record<string, unknown>[] }>
> = {
  [COMPOSE_FILE]: {
    read: (env = {}) => loadCompose({ files: [COMPOSE_FILE], env }),
    written: [loadComposeDocument()],
  },
  [OBJECT_STORAGE]: {
    read: (env) => loadComposeOverride(OBJECT_STORAGE, env).merged,
    written: [loadComposeDocument(), loadComposeOverride(OBJECT_STORAGE).written],
  },
};

/** What compose.yaml publishes by default: the ports the README and the tests name. */
const DEFAULTS: Readonly<Record<string, number>> = {
  BOT_DEMO_PORT: 8090,
  OTLP_GRPC_PORT: 4317,
  OTLP_HTTP_PORT: 4318,
  PROFILES_PUSH_PORT: 9999,
  ALLOY_UI_PORT: 12345,
  TEMPO_PORT: 3200,
  LOKI_PORT: 3100,
  MIMIR_PORT: 9009,
  PYROSCOPE_PORT: 4040,
  GRAFANA_PORT: 3000,
  MINIO_CONSOLE_PORT: 9001,
};

/** Each published port's variable, from the file as written. */
function portVariables(document: Record<string, unknown>): string[] {
  return [...JSON.stringify(document.services).matchAll(/:\$\{([A-Z_]+_PORT):-\d+\}:\d+/g)].map(
    (match) => match[1] ?? '',
  );
}

describe.each(Object.entries(VARIANTS))('%s', (_file, variant) => {
  const defaults = variant.read();
  const moved = variant.read(
    Object.fromEntries(Object.keys(DEFAULTS).map((name, at) => [name, String(20_000 + at)])),
  );

  test('every published port is NAME_PORT from .env, its default the port itself, on 127.0.0.1', () => {
    const published = defaults.services.flatMap((service) =>
      service.ports.map(
        (port) => `${service.name} ${port.hostIp}:${port.published}:${port.target}`,
      ),
    );
    expect(published.length).toBeGreaterThan(0);
    for (const line of published) expect(line).toMatch(/ 127\.0\.0\.1:(\d+):\1$/);
    const variables = variant.written.flatMap(portVariables);
    // One variable per published port, each with the default named above.
    expect(variables).toHaveLength(published.length);
    for (const name of variables) expect(Object.keys(DEFAULTS)).toContain(name);
    const movedPorts = moved.services.flatMap((service) =>
      service.ports.map((port) => Number(port.published)),
    );
    for (const port of movedPorts) expect(port).toBeGreaterThanOrEqual(20_000);
  });
});

test('.env.example names every port variable and TZ', () => {
  const example = readRepoFile('.env.example');
  for (const name of [...Object.keys(DEFAULTS), 'TZ']) {
    expect(example, `.env.example: expected ${name}=`).toMatch(new RegExp(`^#? ?${name}=`, 'm'));
  }
});

test('TZ from .env reaches the services that show times: the bot, Alloy, Grafana', () => {
  const compose = loadCompose({ files: [COMPOSE_FILE], env: { TZ: 'Europe/Paris' } });
  const zones = Object.fromEntries(
    compose.services
      .filter((service) => service.environment.TZ !== undefined)
      .map((service) => [service.name, service.environment.TZ]),
  );
  expect(zones).toEqual({ bot: 'Europe/Paris', alloy: 'Europe/Paris', grafana: 'Europe/Paris' });
  expect(loadCompose().services.find((s) => s.name === 'grafana')?.environment.TZ).toBe('UTC');
});
