import { globSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { nixEval, nixMissing, nixParseError } from '../../harness/nix/nix-cli.js';
import { REPO_ROOT } from '../../harness/repo/repo.js';

const nixFiles = globSync(['flake.nix', 'nix/**/*.nix', 'test/nix/**/*.nix'], { cwd: REPO_ROOT });

interface Built {
  file: string;
  system: string;
  args: string[];
}
interface Outputs {
  packages: Record<string, Record<string, Built>>;
  apps: Record<string, { default: { type: string; program: string } }>;
  devShells: Record<string, { default: Built }>;
  checks: Record<string, Record<string, Built>>;
  formatter: Record<string, string>;
  nixosModules: {
    default: {
      imports: string[];
      services: { roboshpee: { package: { mkDefault: Built } } };
    };
  };
}

if (nixMissing) console.warn(`SKIPPED test/nix/flake: ${nixMissing}`);

describe.skipIf(nixMissing !== null)('flake.nix and nix/', () => {
  test('GIVEN the repository THEN it has the flake and its parts', () => {
    expect(nixFiles).toEqual(
      expect.arrayContaining([
        'flake.nix',
        'nix/package.nix',
        'nix/module.nix',
        'nix/vm-test.nix',
        'nix/devshell.nix',
        'nix/checks.nix',
      ]),
    );
  });

  test.each(nixFiles)('GIVEN %s THEN nix-instantiate --parse accepts it', (file) => {
    expect(nixParseError(file)).toBeNull();
  });

  const outputs = () => nixEval<Outputs>('import ./test/nix/fixtures/flake-outputs.nix');

  test('GIVEN each system THEN the package, app, dev shell and formatter come from nix/', () => {
    const o = outputs();
    for (const system of ['x86_64-linux', 'aarch64-linux', 'x86_64-darwin', 'aarch64-darwin']) {
      expect(o.packages[system]?.default).toEqual({ file: 'package.nix', system, args: [] });
      expect(o.apps[system]?.default).toMatchObject({ type: 'app', program: 'package.nix:exe' });
      expect(o.devShells[system]?.default.file).toBe('devshell.nix');
      expect(o.formatter[system]).toBe('nixfmt');
    }
    expect(o.nixosModules.default.imports).toEqual(['module.nix']);
  });

  test('GIVEN the NixOS module THEN its package defaults (mkDefault) to the flake build for the host', () => {
    expect(outputs().nixosModules.default.services.roboshpee.package).toEqual({
      mkDefault: { file: 'package.nix', system: 'x86_64-linux', args: [] },
    });
  });

  test('GIVEN Linux THEN the checks include the VM test; GIVEN macOS THEN only build and tests', () => {
    const o = outputs();
    expect(Object.keys(o.checks['x86_64-linux'] ?? {}).sort()).toEqual(['build', 'tests', 'vm']);
    expect(o.checks['x86_64-linux']?.vm).toMatchObject({
      file: 'vm-test.nix',
      args: ['roboshpee'],
    });
    expect(Object.keys(o.checks['aarch64-darwin'] ?? {}).sort()).toEqual(['build', 'tests']);
  });
});
