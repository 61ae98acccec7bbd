import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/**
 * The repository root (with a trailing slash) and its files, for every test tree: paths in
 * messages are repository-relative, the ones a reader would open.
 */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function repoPath(relative: string): string {
  return `${REPO_ROOT}${relative}`;
}

export function repoFileExists(relative: string): boolean {
  return existsSync(repoPath(relative));
}

export function readRepoFile(relative: string): string {
  return readFileSync(repoPath(relative), 'utf8');
}

/** Parses a YAML file of the repository; a syntax error names the file. */
export function readRepoYaml(relative: string): unknown {
  try {
    return parse(readRepoFile(relative));
  } catch (error) {
    throw new Error(`${relative}: not valid YAML: ${(error as Error).message}`);
  }
}
