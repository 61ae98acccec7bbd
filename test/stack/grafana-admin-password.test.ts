import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { composeConfig } from '../../harness/compose/compose-config.js';
import { COMPOSE_FILE } from '../../harness/repo/stack-files.js';

/**
 * No Grafana of this stack, on loopback or opened to the LAN with GRAFANA_BIND, starts with
 * the well-known admin/admin login: compose runs infra/grafana/admin-password.sh before the
 * image's own entrypoint, and it hands Grafana GRAFANA_ADMIN_PASSWORD or a password generated
 * on the first start (Grafana applies GF_SECURITY_ADMIN_PASSWORD when it creates its
 * database). The service comes from the real `docker compose config`; the script runs as the
 * entrypoint says, with bash, a scratch directory as the image's GF_PATHS_DATA and, in place
 * of Grafana's /run.sh, a stub that prints the password Grafana would get.
 */

const scratch = mkdtempSync(join(tmpdir(), 'grafana-admin-password-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const UNSET = '<unset>';
const runStub = join(scratch, 'run.sh');
writeFileSync(runStub, `#!/bin/sh\nprintf '%s' "\${GF_SECURITY_ADMIN_PASSWORD-${UNSET}}"\n`, {
  mode: 0o755,
});

interface ComposeGrafana {
  readonly entrypoint: string[];
  readonly environment: Record<string, string | null>;
  readonly ports: { host_ip?: string; target: number }[];
  readonly volumes: { type: string; source: string; target: string }[];
}

/** Compose's own model of the service, with only `settings` as the environment (no .env). */
function grafanaService(settings: Record<string, string>): ComposeGrafana {
  const model = composeConfig({ files: [COMPOSE_FILE], env: settings }) as {
    services: { grafana: ComposeGrafana };
  };
  return model.services.grafana;
}

/** Runs the service's entrypoint as its container would, up to Grafana itself. */
function start(grafana: ComposeGrafana, dataDir: string) {
  const hostPath = (arg: string) =>
    arg === '/run.sh'
      ? runStub
      : (grafana.volumes.find((v) => v.type === 'bind' && v.target === arg)?.source ?? arg);
  const [program = '', ...args] = grafana.entrypoint.map(hostPath);
  const environment = Object.fromEntries(
    Object.entries(grafana.environment).filter((e): e is [string, string] => e[1] !== null),
  );
  const run = spawnSync(program, args, {
    env: { PATH: process.env.PATH, ...environment, GF_PATHS_DATA: dataDir },
    encoding: 'utf8',
  });
  return { status: run.status, password: run.stdout, log: run.stderr };
}

const BINDS = [
  ['on loopback (the default)', {}],
  ['opened to the LAN', { GRAFANA_BIND: '0.0.0.0' }],
] as const;

describe(`${COMPOSE_FILE}: Grafana's admin password`, () => {
  test.each(BINDS)('%s without GRAFANA_ADMIN_PASSWORD, a generated one, never admin', (_, env) => {
    const grafana = grafanaService(env);
    expect(grafana.ports.find((p) => p.target === 3000)?.host_ip).toBe(
      'GRAFANA_BIND' in env ? env.GRAFANA_BIND : '127.0.0.1',
    );
    const dataDir = mkdtempSync(join(scratch, 'data-'));
    const first = start(grafana, dataDir);
    expect(first.status, first.log).toBe(0);
    expect(first.password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const file = join(dataDir, 'admin-password');
    expect(readFileSync(file, 'utf8').trim()).toBe(first.password);
    expect(statSync(file).mode & 0o077, `${file}: readable by others`).toBe(0);
    // The log says where the password is, and never the password: Alloy ships it to Loki.
    expect(first.log).toContain(`cat ${file}`);
    expect(first.log).not.toContain(first.password);
    expect(start(grafana, dataDir).password, 'the next start keeps it').toBe(first.password);
  });

  test('GRAFANA_ADMIN_PASSWORD is the password, and nothing is generated', () => {
    const dataDir = mkdtempSync(join(scratch, 'data-'));
    const run = start(
      grafanaService({ GRAFANA_BIND: '0.0.0.0', GRAFANA_ADMIN_PASSWORD: 'chosen-in-env' }),
      dataDir,
    );
    expect(run.status, run.log).toBe(0);
    expect(run.password).toBe('chosen-in-env');
    expect(existsSync(join(dataDir, 'admin-password'))).toBe(false);
  });

  test('a database made before the script keeps its password, and the log says how to change it', () => {
    const dataDir = mkdtempSync(join(scratch, 'data-'));
    writeFileSync(join(dataDir, 'grafana.db'), '');
    const run = start(grafanaService({}), dataDir);
    expect(run.status, run.log).toBe(0);
    expect(run.password).toBe(UNSET);
    expect(run.log).toContain('grafana cli admin reset-admin-password');
    expect(existsSync(join(dataDir, 'admin-password'))).toBe(false);
  });
});
