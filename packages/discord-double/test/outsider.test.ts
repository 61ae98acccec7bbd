import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const run = promisify(execFile);
const PACKAGE = fileURLToPath(new URL('..', import.meta.url));
const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const OUTSIDER_BOT = fileURLToPath(new URL('outsider/', import.meta.url));
/** The discord.js the package is developed against (its own devDependency), from the registry. */
const DISCORD_JS = (
  JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  }
).devDependencies['discord.js'];
/** The outsider bot's test output, kept for the reader (test-results/ is not committed). */
const REPORT = join(REPO, 'test-results', 'discord-double-outsider.txt');

/** An outsider's shell: none of the `npm_*` settings `npm test` hands its children. */
const OUTSIDER_ENV = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)),
);

interface Packed {
  readonly filename: string;
  readonly files: readonly { readonly path: string }[];
}

/**
 * `npm pack` as in a fresh clone: the package's tracked files and the root tsconfig it
 * extends, copied without dist/, with the workspace's installed node_modules beside them
 * (what `npm ci` gives a clone). Packing a copy leaves the workspace's dist/ alone, which
 * other test files' bots run from meanwhile.
 */
async function packFreshCopy(work: string): Promise<Packed & { readonly tarball: string }> {
  const clone = join(work, 'clone');
  const copy = join(clone, 'packages', 'discord-double');
  cpSync(PACKAGE, copy, {
    recursive: true,
    filter: (source) => !/[/\\](dist|node_modules)$/.test(source),
  });
  cpSync(join(REPO, 'tsconfig.json'), join(clone, 'tsconfig.json'));
  symlinkSync(join(REPO, 'node_modules'), join(clone, 'node_modules'), 'dir');
  expect(existsSync(join(copy, 'dist'))).toBe(false);
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', work], {
    cwd: copy,
    env: OUTSIDER_ENV,
  });
  const [packed] = JSON.parse(stdout) as Packed[];
  if (packed === undefined) throw new Error(`npm pack printed no package: ${stdout}`);
  return { ...packed, tarball: join(work, packed.filename) };
}

/** A project outside the workspace with the tarball, discord.js from the registry, and the bot. */
async function installOutsider(work: string, tarball: string): Promise<string> {
  const project = join(work, 'outsider');
  mkdirSync(project);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({
      name: 'outsider-bot',
      private: true,
      type: 'module',
      dependencies: { '@roboshpee/discord-double': `file:${tarball}`, 'discord.js': DISCORD_JS },
    }),
  );
  for (const file of ['bot.js', 'bot.test.js'])
    cpSync(join(OUTSIDER_BOT, file), join(project, file));
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], {
    cwd: project,
    env: OUTSIDER_ENV,
    timeout: 240_000,
  });
  return project;
}

describe('the packed Discord double in a project outside the workspace', () => {
  let work = '';
  let packed: Packed & { readonly tarball: string };
  let project = '';

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'discord-double-outsider-'));
    packed = await packFreshCopy(work);
    project = await installOutsider(work, packed.tarball);
  }, 300_000);

  afterAll(() => {
    if (work !== '') rmSync(work, { recursive: true, force: true });
  });

  test('GIVEN npm pack in a fresh clone THEN the tarball holds the built code, types, README, LICENSE and CHANGELOG', () => {
    const files = packed.files.map((file) => file.path);
    expect(files).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'LICENSE',
        'CHANGELOG.md',
        'dist/index.js',
        'dist/index.d.ts',
      ]),
    );
    const compiled = files.filter((file) => file.startsWith('dist/') && file.endsWith('.js'));
    expect(compiled.length).toBeGreaterThan(20);
    for (const file of compiled) expect(files).toContain(file.replace(/\.js$/, '.d.ts'));
    expect(files.filter((file) => file.startsWith('test/'))).toEqual([]);
  });

  test('GIVEN the installed package THEN every source map points at a file it ships', () => {
    const installed = join(project, 'node_modules', '@roboshpee', 'discord-double');
    const maps = packed.files.map((file) => file.path).filter((file) => file.endsWith('.map'));
    expect(maps.length).toBeGreaterThan(20);
    const missing = maps.flatMap((map) => {
      const { sources } = JSON.parse(readFileSync(join(installed, map), 'utf8')) as {
        sources: string[];
      };
      return sources
        .map((source) => join(dirname(join(installed, map)), source))
        .filter((target) => !existsSync(target))
        .map((target) => `${map} -> ${relative(installed, target)}`);
    });
    expect(missing).toEqual([]);
  });

  test("GIVEN discord.js from the registry THEN the outsider bot's own tests pass against the double", async () => {
    const { stdout } = await run(
      process.execPath,
      ['--test', '--test-reporter=spec', 'bot.test.js'],
      { cwd: project, env: OUTSIDER_ENV, timeout: 120_000 },
    ).catch((error: { stdout?: string; stderr?: string }) => {
      throw new Error(`the outsider bot's tests failed:\n${error.stdout}\n${error.stderr}`);
    });
    mkdirSync(dirname(REPORT), { recursive: true });
    writeFileSync(REPORT, stdout);
    const installed = JSON.parse(
      readFileSync(join(project, 'node_modules', 'discord.js', 'package.json'), 'utf8'),
    ) as { version: string };
    expect(installed.version).toBe(DISCORD_JS);
    const count = (label: string) =>
      Number(new RegExp(`^ℹ ${label} (\\d+)$`, 'm').exec(stdout)?.[1]);
    expect(count('fail')).toBe(0);
    expect(count('pass')).toBe(count('tests'));
    expect(count('tests')).toBeGreaterThanOrEqual(7);
  });
});
