import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** The repository root, from this file's place in dashboards/test/support. */
export const REPO_ROOT = new URL('../../../', import.meta.url);

export const readRepoText = (path: string): string =>
  readFileSync(new URL(path, REPO_ROOT), 'utf8');

export const readRepoYaml = (path: string): unknown => parse(readRepoText(path));

/** Follows a path of keys through parsed YAML/JSON; undefined where any step is missing. */
export function dig(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

export const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
