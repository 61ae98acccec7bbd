import { execFileSync, spawnSync } from 'node:child_process';
import { REPO_ROOT } from '../repo/repo.js';

function onPath(command: string): boolean {
  return spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * Why the Nix-backed tests cannot run here, or null when they can. `.ci/run` installs
 * Debian's nix-bin; a developer machine may not have it, and then these tests say so.
 */
export const nixMissing: string | null =
  onPath('nix-instantiate') && onPath('nix-hash')
    ? null
    : 'nix-instantiate/nix-hash not on PATH (Debian: apt-get install nix-bin)';

/** Evaluates a Nix expression in the repository root, strictly, and returns it as JSON. */
export function nixEval<T>(expression: string): T {
  const out = execFileSync(
    'nix-instantiate',
    ['--eval', '--strict', '--json', '--expr', expression],
    { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return JSON.parse(out) as T;
}

/** `nix-instantiate --parse` of one file: null when it parses, else Nix's message. */
export function nixParseError(file: string): string | null {
  const result = spawnSync('nix-instantiate', ['--parse', file], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  return result.status === 0 ? null : result.stderr.trim();
}

/** The hex sha256 of a path's NAR, as computed by Nix itself. */
export function nixHashHex(path: string): string {
  return execFileSync('nix-hash', ['--type', 'sha256', path], { encoding: 'utf8' }).trim();
}
