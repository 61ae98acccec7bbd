import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { narHashOfFlatDirectory } from '../../harness/nix/nar.js';
import { nixEval, nixHashHex, nixMissing } from '../../harness/nix/nix-cli.js';
import { type Tarball, tarballsFromNpmCache } from '../../harness/nix/npm-cache.js';
import { REPO_ROOT } from '../../harness/repo/repo.js';

interface TarballListing {
  tarballs: Record<string, Tarball>;
  files: Record<string, string>;
}

if (nixMissing) console.warn(`SKIPPED test/nix/npm-deps: ${nixMissing}`);

describe.skipIf(nixMissing !== null)('the npm dependencies the Nix build fetches', () => {
  const listing = (): TarballListing =>
    nixEval<TarballListing>('import ./nix/npm-tarballs.nix { }');

  test('GIVEN a directory of files THEN the NAR hash matches nix-hash', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nar-'));
    try {
      // Lengths around the 8-byte padding boundary, a scoped-style name, an empty file.
      const files = new Map<string, Uint8Array>([
        ['@scope+b-1.0.0.tgz', Buffer.from('12345678')],
        ['a-2.0.0.tgz', Buffer.from('123456789')],
        ['empty.tgz', Buffer.alloc(0)],
        ['Z-upper.tgz', Buffer.from([0, 255, 7])],
      ]);
      for (const [name, bytes] of files) writeFileSync(join(dir, name), bytes);
      const expected = `sha256-${Buffer.from(nixHashHex(dir), 'hex').toString('base64')}`;
      expect(narHashOfFlatDirectory(files)).toBe(expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('GIVEN packages npm installed here THEN each maps to a tarball of the same name@version', () => {
    const { tarballs, files } = listing();
    let installed = 0;
    for (const [path, file] of Object.entries(files)) {
      const manifest = join(REPO_ROOT, path, 'package.json');
      // Other platforms' optional binaries are in the lockfile but not installed here.
      if (!existsSync(manifest)) continue;
      installed += 1;
      const { name, version } = JSON.parse(readFileSync(manifest, 'utf8')) as {
        name: string;
        version: string;
      };
      // npm cleans versions the way semver does: some manifests say "v0.0.21".
      expect(tarballs[file]?.spec, path).toBe(`${name}@${version.replace(/^v/, '')}`);
    }
    expect(installed).toBeGreaterThan(100);
  });

  test('GIVEN package-lock.json THEN every entry except the root, workspace packages, links and bundled ones is fetched', () => {
    const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { link?: boolean; inBundle?: boolean }>;
    };
    const expected = Object.entries(lock.packages)
      // Workspace packages (packages/*) live in the repository, not under node_modules.
      .filter(([path]) => path.startsWith('node_modules/') || path.includes('/node_modules/'))
      .filter(([, entry]) => !entry.link && !entry.inBundle)
      .map(([path]) => path)
      .sort();
    expect(Object.keys(listing().files).sort()).toEqual(expected);
  });

  test('GIVEN the tarballs package-lock.json names THEN nix/npm-deps-hash.nix is their output hash', {
    timeout: 120_000,
  }, () => {
    const { tarballs } = listing();
    const actual = narHashOfFlatDirectory(tarballsFromNpmCache(new Map(Object.entries(tarballs))));
    const recorded = nixEval<string>('import ./nix/npm-deps-hash.nix');
    expect(recorded, `package-lock.json changed: put "${actual}" in nix/npm-deps-hash.nix`).toBe(
      actual,
    );
  });
});
