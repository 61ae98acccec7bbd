import { describe, expect, test } from 'vitest';
import { flagValue } from '../../harness/compose/command-flag.js';
import { loadCompose, serviceNamed } from '../../harness/compose/compose.js';
import {
  type Backend,
  configVariables,
  expandConfig,
  loadBackendConfig,
  REFERENCE_FORM,
  strayDollars,
} from '../../harness/configs/backend-config.js';
import { readRepoFile } from '../../harness/repo/repo.js';
import { COMPOSE_FILE, SERVICE_CONFIGS } from '../../harness/repo/stack-files.js';
import { valueAt } from './config-value.js';

/**
 * How long each backend keeps data is set from .env; without it, the values the stack has
 * always had. (None of the pinned backends has a size-based limit to expose: Tempo's
 * compaction, Loki's compactor and Mimir's compactor all delete by age only.)
 */

const BACKENDS: readonly Backend[] = ['tempo', 'loki', 'mimir'];
const compose = loadCompose();
const example = readRepoFile('.env.example');
const documented = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));

const RETENTION = [
  ['tempo', 'TEMPO_RETENTION', 'overrides.defaults.compaction.block_retention', '168h'],
  ['loki', 'LOKI_RETENTION', 'limits_config.retention_period', '336h'],
  ['mimir', 'MIMIR_RETENTION', 'limits.compactor_blocks_retention_period', '1y'],
] as const;

describe('retention from .env', () => {
  test.each(RETENTION)('%s reads %s at %s, default %s', (backend, variable, path, fallback) => {
    const file = SERVICE_CONFIGS[backend];
    expect(valueAt(loadBackendConfig(backend), path), `${file}: ${path} without ${variable}`).toBe(
      fallback,
    );
    // Compose passes an unset variable as empty: the config's default must still apply.
    expect(valueAt(loadBackendConfig(backend, { [variable]: '' }), path)).toBe(fallback);
    expect(valueAt(loadBackendConfig(backend, { [variable]: '72h' }), path)).toBe('72h');
  });
});

describe.each(BACKENDS)('%s config variables', (backend) => {
  const file = SERVICE_CONFIGS[backend];
  const text = readRepoFile(file);
  const variables = configVariables(backend, text);
  const service = serviceNamed(compose, backend);

  test(`every $ is a reference in ${backend}'s own syntax (the binary expands any other)`, () => {
    expect(
      strayDollars(backend, text).map(
        (line) =>
          `${file}:${line}: expected ${REFERENCE_FORM[backend]} (with -config.expand-env every $ is expanded)`,
      ),
    ).toEqual([]);
  });

  test('the service is started with -config.expand-env=true when the file has references', () => {
    const expand = flagValue(service.command, '-config.expand-env');
    expect(
      variables.length === 0 || expand === 'true',
      `${COMPOSE_FILE}: services.${backend}.command: expected -config.expand-env=true (${file} references ${variables.map((v) => v.name).join(', ')})`,
    ).toBe(true);
  });

  test('every variable is documented in .env.example and passed to the container', () => {
    const problems = variables.flatMap(({ name, line }) => [
      ...(documented.has(name)
        ? []
        : [`.env.example: expected a line "${name}=" (read at ${file}:${line})`]),
      ...(name in service.environment
        ? []
        : [
            `${COMPOSE_FILE}: services.${backend}.environment: expected ${name}: \${${name}:-} (read at ${file}:${line})`,
          ]),
    ]);
    expect(problems).toEqual([]);
  });

  test('expanded with the compose defaults, the file is the one the checks read', () => {
    // Compose hands the container an empty value for an unset variable.
    const empty = Object.fromEntries(
      variables.map((v) => [v.name, service.environment[v.name] ?? '']),
    );
    expect(expandConfig(backend, text, empty)).toBe(expandConfig(backend, text));
  });
});
