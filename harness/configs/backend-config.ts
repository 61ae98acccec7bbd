import { parse } from 'yaml';
import type { Environment } from '../compose/compose.js';
import { readRepoFile } from '../repo/repo.js';
import { SERVICE_CONFIGS } from '../repo/stack-files.js';

/**
 * The backends' config files as each binary reads them with `-config.expand-env=true`:
 * Tempo and Loki expand with drone/envsubst (`${NAME:-default}`, grafana/tempo v3.0.3
 * cmd/tempo/main.go, grafana/loki v3.7 pkg/util/cfg/files.go), Mimir with Go's os.Expand
 * and its own default syntax (`${NAME:default}`, grafana/mimir cmd/mimir/main.go,
 * expandEnvironmentVariables). Both replace an empty value by the default, and both would
 * also eat any other `$` in the file, which the checks refuse.
 */

/** The backends that read their file with -config.expand-env=true (Pyroscope does not). */
export type Backend = Exclude<keyof typeof SERVICE_CONFIGS, 'pyroscope'>;

const REFERENCE: Readonly<Record<Backend, RegExp>> = {
  tempo: /\$\{([A-Z][A-Z0-9_]*):-([^}]*)\}/g,
  loki: /\$\{([A-Z][A-Z0-9_]*):-([^}]*)\}/g,
  mimir: /\$\{([A-Z][A-Z0-9_]*):([^}]*)\}/g,
};

/** How a reference looks in each file, for messages. */
export const REFERENCE_FORM: Readonly<Record<Backend, string>> = {
  tempo: `\${NAME:-default}`,
  loki: `\${NAME:-default}`,
  mimir: `\${NAME:default}`,
};

export interface ConfigVariable {
  readonly name: string;
  readonly fallback: string;
  readonly line: number;
}

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/** The variables a backend's config references, in its own syntax. */
export function configVariables(backend: Backend, text: string): ConfigVariable[] {
  return [...text.matchAll(REFERENCE[backend])].map((m) => ({
    name: m[1] ?? '',
    fallback: m[2] ?? '',
    line: lineAt(text, m.index),
  }));
}

/** Lines with a `$` that is not a reference in the backend's syntax (the binary would expand it). */
export function strayDollars(backend: Backend, text: string): number[] {
  const blanked = text.replace(REFERENCE[backend], (match) => ' '.repeat(match.length));
  return [...blanked.matchAll(/\$/g)].map((m) => lineAt(blanked, m.index));
}

/** The file's text after expansion against `env` (none: every default applies). */
export function expandConfig(backend: Backend, text: string, env: Environment = {}): string {
  return text.replace(REFERENCE[backend], (_match, name: string, fallback: string) => {
    const value = env[name];
    return value === undefined || value === '' ? fallback : value;
  });
}

/** A backend's config, expanded against `env` and parsed. */
export function loadBackendConfig(backend: Backend, env: Environment = {}): unknown {
  const file = SERVICE_CONFIGS[backend];
  try {
    return parse(expandConfig(backend, readRepoFile(file), env));
  } catch (error) {
    throw new Error(`${file}: not valid YAML once expanded: ${(error as Error).message}`);
  }
}
