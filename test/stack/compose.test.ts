import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadCompose } from '../../harness/compose/compose.js';
import { REPO_ROOT, readRepoFile } from '../../harness/repo/repo.js';
import { COMPOSE_FILE } from '../../harness/repo/stack-files.js';

const compose = loadCompose();

/** Where each store keeps its data inside its container. */
const STORES = {
  alloy: '/var/lib/alloy/data',
  tempo: '/var/tempo',
  loki: '/loki',
  mimir: '/data',
  pyroscope: '/data',
  grafana: '/var/lib/grafana',
} as const;

describe(COMPOSE_FILE, () => {
  test('Compose reads it: `docker compose config` validates it against the Compose schema', () => {
    // loadCompose() threw otherwise, with Compose's message (test/harness/compose shows one).
    expect(compose.services.map((service) => service.name)).toEqual(
      expect.arrayContaining(Object.keys(STORES)),
    );
  });

  test('every image has a pinned version tag (no latest)', () => {
    const problems = compose.services.flatMap((service) => {
      if (service.image === undefined) {
        return service.build !== undefined
          ? []
          : [`${COMPOSE_FILE}: services.${service.name}: expected an image or a build`];
      }
      const tag = /:([^/:@]+)(@sha256:[0-9a-f]+)?$/.exec(service.image)?.[1];
      return tag !== undefined && /\d/.test(tag) && !/^(latest|main|nightly|edge)$/.test(tag)
        ? []
        : [
            `${COMPOSE_FILE}: services.${service.name}.image: expected a version tag, got "${service.image}"`,
          ];
    });
    expect(problems).toEqual([]);
  });

  test('every bind-mounted file or directory exists in the repository', () => {
    // Compose writes bind sources absolute: the repository's files are those under its root
    // (the host's, such as the Docker socket, are not the repository's to ship).
    const binds = compose.services.flatMap((service) =>
      service.mounts
        .filter((mount) => mount.type === 'bind' && mount.source?.startsWith(REPO_ROOT))
        .map((mount) => ({ service, mount })),
    );
    expect(binds.length).toBeGreaterThan(5);
    const problems = binds.flatMap(({ service, mount }) =>
      [mount]
        .filter((m) => !existsSync(m.source ?? ''))
        .map(
          (mount) =>
            `${COMPOSE_FILE}: services.${service.name}.volumes: expected ${mount.source} to exist (mounted at ${mount.target})`,
        ),
    );
    expect(problems).toEqual([]);
  });

  test('every store keeps its data in a named volume', () => {
    const problems = Object.entries(STORES).flatMap(([name, path]) => {
      const service = compose.services.find((s) => s.name === name);
      const mount = service?.mounts.find((m) => m.target === path);
      if (mount?.type !== 'volume' || mount.source === undefined) {
        return [`${COMPOSE_FILE}: services.${name}.volumes: expected a named volume at ${path}`];
      }
      return compose.namedVolumes.includes(mount.source)
        ? []
        : [`${COMPOSE_FILE}: volumes: expected "${mount.source}" (used by ${name}) to be declared`];
    });
    expect(problems).toEqual([]);
  });

  test('every published port binds to 127.0.0.1 by default', () => {
    const problems = compose.services.flatMap((service) =>
      service.ports
        .filter((port) => port.hostIp !== '127.0.0.1')
        .map(
          (port) =>
            `${COMPOSE_FILE}: services.${service.name}.ports: expected host IP 127.0.0.1, got ${port.hostIp ?? 'none (all interfaces)'} in "${port.spec}"`,
        ),
    );
    expect(problems).toEqual([]);
  });

  // What each limit rests on, and their total: test/stack/memory-limits.test.ts.
  test('every service has a memory limit', () => {
    const missing = compose.services
      .filter((service) => service.memoryLimitBytes === undefined)
      .map(
        (service) =>
          `${COMPOSE_FILE}: services.${service.name}.deploy.resources.limits.memory: expected a limit`,
      );
    expect(missing).toEqual([]);
  });

  test('a dependency with a healthcheck is awaited with service_healthy', () => {
    const healthy = new Set(compose.services.filter((s) => s.healthcheck).map((s) => s.name));
    const problems = compose.services.flatMap((service) =>
      Object.entries(service.dependsOn)
        .filter(([name, condition]) => healthy.has(name) && condition !== 'service_healthy')
        .map(
          ([name, condition]) =>
            `${COMPOSE_FILE}: services.${service.name}.depends_on.${name}.condition: expected service_healthy, got ${condition}`,
        ),
    );
    expect(problems).toEqual([]);
  });

  test('every service has a healthcheck, except the one that cannot have one', () => {
    // mimir: distroless (no shell, no HTTP client) and no health flag in the binary.
    const exempt = ['mimir'];
    const problems = compose.services
      .filter((service) => !exempt.includes(service.name) && service.healthcheck === undefined)
      .map((service) => `${COMPOSE_FILE}: services.${service.name}.healthcheck: expected one`);
    expect(problems).toEqual([]);
  });
});

describe('.env.example', () => {
  const example = readRepoFile('.env.example');
  const documented = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));

  test('documents every variable compose.yaml reads from the environment', () => {
    const source = readRepoFile(COMPOSE_FILE);
    const interpolated = [...source.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)/g)].map(
      (m) => m[1] ?? '',
    );
    const passedThrough = compose.services.flatMap((service) =>
      Object.entries(service.environment)
        .filter(([, value]) => value === undefined)
        .map(([name]) => name),
    );
    const missing = [...new Set([...interpolated, ...passedThrough])]
      .filter((name) => !documented.has(name))
      .map((name) => `.env.example: expected a line "${name}=" (read by ${COMPOSE_FILE})`);
    expect(missing).toEqual([]);
  });
});
