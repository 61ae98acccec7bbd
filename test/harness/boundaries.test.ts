import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, test } from 'vitest';
import { moduleSpecifiers } from '../../harness/repo/module-specifiers.js';
import { REPO_ROOT } from '../../harness/repo/repo.js';

/** The folders that hold tests: nothing outside them may lean on what is inside. */
const TEST_FOLDERS = ['bot/test', 'dashboards/test', 'test'];

/** What the benchmarks may import from the repository: the harness, the bot, themselves. */
const BENCH_MAY_IMPORT = ['harness', 'bot/src', 'bench'];

/** Repository paths (forward slashes) of the module files under `folder`. */
function modulesUnder(folder: string): string[] {
  return readdirSync(join(REPO_ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(ts|mts|mjs)$/.test(name))
    .map((name) => `${folder}/${name.split(sep).join('/')}`);
}

/**
 * The repository paths a file's relative imports, re-exports and dynamic imports point at,
 * read by the TypeScript compiler; package imports are not the question here.
 */
function relativeTargets(file: string, text: string): string[] {
  return moduleSpecifiers(text)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) =>
      relative(REPO_ROOT, resolve(REPO_ROOT, dirname(file), specifier))
        .split(sep)
        .join('/'),
    );
}

const isUnder = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);

/** Every `file -> target` import of `files` whose target `allowed` refuses. */
function refusedImports(
  files: readonly string[],
  allowed: (target: string) => boolean,
  read: (file: string) => string = (file) => readFileSync(join(REPO_ROOT, file), 'utf8'),
): string[] {
  return files.flatMap((file) =>
    relativeTargets(file, read(file))
      .filter((target) => !allowed(target))
      .map((target) => `${file} -> ${target}`),
  );
}

const outsideTests = (target: string) => !TEST_FOLDERS.some((folder) => isUnder(target, folder));
const benchMayImport = (target: string) =>
  BENCH_MAY_IMPORT.some((folder) => isUnder(target, folder));

describe('what the tests and the benchmarks share lives in harness/', () => {
  test('GIVEN harness/ THEN it imports nothing from a test folder (bot/test, dashboards/test, test/)', () => {
    const files = modulesUnder('harness');
    expect(files.length).toBeGreaterThan(50);
    expect(refusedImports(files, outsideTests)).toEqual([]);
  });

  test('GIVEN bench/ THEN it imports only harness/, bot/src and itself (and packages)', () => {
    const files = modulesUnder('bench');
    expect(files.length).toBeGreaterThan(5);
    expect(refusedImports(files, benchMayImport)).toEqual([]);
  });

  test('GIVEN imports that cross the line THEN the checks name each one', () => {
    // Static, re-exported and dynamic imports, as the files above could write them: if the
    // checks missed one of these forms the two tests above would prove nothing.
    const sources: Record<string, string> = {
      'harness/backends/example.ts': [
        "import { REPO_ROOT } from '../repo/repo.js';",
        "import { stackFacts } from '../../test/integration/support/stack-facts.js';",
        "export type { Catalogue } from '../../dashboards/test/catalogue/types.js';",
        "const line = await import('../../bot/test/discord/bot-fixture.js');",
      ].join('\n'),
      'bench/example.ts': [
        "import { DemoBot } from '../harness/bot/demo-bot.js';",
        "import { startDiscordDouble } from '../bot/src/demo/index.js';",
        "import { roles } from '../bot/test/core/roles.js';",
        "import { flagValue } from '../test/support/command-flag.js';",
      ].join('\n'),
    };
    const read = (file: string) => sources[file] ?? '';
    expect(refusedImports(['harness/backends/example.ts'], outsideTests, read)).toEqual([
      'harness/backends/example.ts -> test/integration/support/stack-facts.js',
      'harness/backends/example.ts -> dashboards/test/catalogue/types.js',
      'harness/backends/example.ts -> bot/test/discord/bot-fixture.js',
    ]);
    expect(refusedImports(['bench/example.ts'], benchMayImport, read)).toEqual([
      'bench/example.ts -> bot/test/core/roles.js',
      'bench/example.ts -> test/support/command-flag.js',
    ]);
  });
});
