import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// npm keeps every tarball it fetched in a content-addressed cache (cacache): the file for
// integrity `sha512-<base64>` is `_cacache/content-v2/sha512/<hex[0:2]>/<hex[2:4]>/<hex[4:]>`.
// nix/npm-deps.nix reads the same layout inside its fixed-output derivation.

export interface Tarball {
  readonly spec: string;
  readonly integrity: string;
}

function cacacheDir(): string {
  const root = execFileSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).trim();
  return join(root, '_cacache');
}

function contentPath(cacache: string, integrity: string): string {
  const [algorithm, digest] = integrity.split('-', 2);
  if (algorithm !== 'sha512' || digest === undefined) {
    throw new Error(`unsupported integrity ${integrity}: expected sha512-<base64>`);
  }
  const hex = Buffer.from(digest, 'base64').toString('hex');
  return join(cacache, 'content-v2', 'sha512', hex.slice(0, 2), hex.slice(2, 4), hex.slice(4));
}

function readVerified(path: string, tarball: Tarball): Uint8Array {
  const bytes = readFileSync(path);
  const actual = `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
  if (actual !== tarball.integrity) {
    throw new Error(
      `${tarball.spec}: cached bytes hash to ${actual}, lockfile says ${tarball.integrity}`,
    );
  }
  return bytes;
}

/**
 * The bytes of every tarball, read from npm's cache. Tarballs npm did not install on this
 * platform (other OSes' optional binaries) are fetched first with `npm cache add`, which
 * checks them against the registry's integrity.
 */
export function tarballsFromNpmCache(
  tarballs: ReadonlyMap<string, Tarball>,
): Map<string, Uint8Array> {
  const cacache = cacacheDir();
  const missing = [...tarballs.values()].filter(
    (t) => !existsSync(contentPath(cacache, t.integrity)),
  );
  if (missing.length > 0) {
    execFileSync('npm', ['cache', 'add', ...missing.map((t) => t.spec)], { stdio: 'pipe' });
  }
  const bytes = new Map<string, Uint8Array>();
  for (const [file, tarball] of tarballs) {
    bytes.set(file, readVerified(contentPath(cacache, tarball.integrity), tarball));
  }
  return bytes;
}
