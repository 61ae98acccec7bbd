import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { nixEval, nixMissing } from '../../harness/nix/nix-cli.js';
import { REPO_ROOT } from '../../harness/repo/repo.js';

// nix/package.nix against package.json: the Nix wrapper must start the bot the way
// `npm start` does, and skip the install scripts npm is told to skip.

interface PackageAttrs {
  pname: string;
  version: string;
  npmFlags: string[];
  installPhase: string;
  src: string[];
  mainProgram: string;
}

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  version: string;
  scripts: Record<string, string>;
  allowScripts?: Record<string, boolean>;
};

if (nixMissing) console.warn(`SKIPPED test/nix/package: ${nixMissing}`);

describe.skipIf(nixMissing !== null)('the bot package (nix/package.nix)', () => {
  const attrs = () => nixEval<PackageAttrs>('import ./test/nix/fixtures/package-attrs.nix');

  test('GIVEN npm start THEN the roboshpee wrapper runs node with the same preload and entry point', () => {
    // The unit's environment is systemd's: the service reads no .env.
    const start = manifest.scripts.start?.match(
      /^node (?:--env-file-if-exists=\.env )?--import \.\/(\S+) (\S+)$/,
    );
    expect(start, 'package.json scripts.start').not.toBeNull();
    const wrapper = attrs().installPhase.match(
      /makeWrapper \S+\/bin\/node "\$out\/bin\/roboshpee" \\\s+--add-flags "--import \$app\/(\S+) \$app\/(\S+)"/,
    );
    expect(wrapper?.slice(1, 3)).toEqual(start?.slice(1, 3));
    expect(attrs().mainProgram).toBe('roboshpee');
  });

  test('GIVEN npm run register THEN roboshpee-register runs the same script', () => {
    const register = manifest.scripts.register?.match(
      /^node (?:--env-file-if-exists=\.env )?(\S+)$/,
    )?.[1];
    expect(register).toBeDefined();
    expect(attrs().installPhase).toContain(
      `"$out/bin/roboshpee-register" \\\n  --add-flags "$app/${register}"`,
    );
  });

  test('GIVEN package.json denies every install script THEN the Nix build runs none', () => {
    const decisions = Object.values(manifest.allowScripts ?? {});
    expect(decisions.length).toBeGreaterThan(0);
    expect(decisions.every((allowed) => allowed === false)).toBe(true);
    expect(attrs().npmFlags).toContain('--ignore-scripts');
  });

  test('GIVEN the source THEN the build sees the manifests, lockfile, tsconfigs and the sources of bot and Discord double only', () => {
    const { src, version, pname } = attrs();
    // Base names: the root's and packages/discord-double's, then bot's manifest, tsconfig and src.
    expect(src.sort()).toEqual(
      [
        'package.json',
        'package-lock.json',
        'tsconfig.json',
        'package.json',
        'tsconfig.build.json',
        'src',
        'package.json',
        'tsconfig.build.json',
        'src',
      ].sort(),
    );
    expect(version).toBe(manifest.version);
    expect(pname).toBe('roboshpee');
  });
});
