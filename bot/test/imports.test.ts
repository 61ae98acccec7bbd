import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { moduleSpecifiers } from '../../harness/repo/module-specifiers.js';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

const specifiers = (file: string): string[] => moduleSpecifiers(readFileSync(file, 'utf8'));

/**
 * The project files and packages that files reach, following their relative imports wherever
 * they lead, so that a core file cannot reach discord.js or OpenTelemetry through a project
 * file either. Each package maps to a file that imports it.
 */
function reachedFrom(entries: readonly string[]): {
  files: Set<string>;
  packages: Map<string, string>;
} {
  const packages = new Map<string, string>();
  const files = new Set<string>();
  const queue = [...entries];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    for (const specifier of specifiers(file)) {
      if (specifier.startsWith('.')) {
        queue.push(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      } else {
        packages.set(specifier, relative(SRC, file));
      }
    }
  }
  return { files, packages };
}

const packagesReachedFrom = (entries: readonly string[]) => reachedFrom(entries).packages;

/** The `.ts` files under a folder of bot/src. */
function filesUnder(folder: string): string[] {
  const root = join(SRC, folder);
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(root, name));
}

// The core holds the role rules (no discord.js, no OpenTelemetry); the contract is read by
// everything, dashboards and tests included: neither may reach a package, even through a
// project file. That the contract imports no other part of the bot is the floors' rule below.
test.each([
  ['core', 5],
  ['contract', 3],
])(
  'GIVEN bot/src/%s THEN it imports no package at all, directly or through a project file',
  (folder, atLeast) => {
    const files = filesUnder(folder);
    expect(files.length).toBeGreaterThan(atLeast);
    expect(Object.fromEntries(packagesReachedFrom(files))).toEqual({});
  },
);

test('GIVEN a file that imports a package through a relative import THEN the check sees it', () => {
  // `/role list` imports no package itself but reaches discord.js through the adapter: the
  // check must notice, or the test above proves nothing.
  const list = join(SRC, 'commands', 'role', 'list.ts');
  expect(specifiers(list).every((specifier) => specifier.startsWith('.'))).toBe(true);
  expect(packagesReachedFrom([list]).get('discord.js')).toMatch(/\.ts$/);
});

/**
 * The telemetry API files that files reach, directly or through a project file, as paths
 * under bot/src.
 */
function telemetryReachedFrom(files: readonly string[]): string[] {
  return [...reachedFrom(files).files]
    .map((file) => relative(SRC, file))
    .filter((file) => file.startsWith('telemetry/'))
    .sort();
}

// One forward path per interaction: a command answers with its result and the facts about
// it, and the interaction handler alone records them. The floors would let a command import
// the telemetry API (it is a lower floor); this does not.
describe('the commands and the telemetry API', () => {
  test('GIVEN bot/src/commands THEN no file reaches bot/src/telemetry, directly or through a project file', () => {
    const files = filesUnder('commands');
    expect(files.length).toBeGreaterThan(5);
    expect(telemetryReachedFrom(files)).toEqual([]);
    expect(
      [...packagesReachedFrom(files).keys()].filter((name) => name.startsWith('@opentelemetry/')),
    ).toEqual([]);
  });

  test('GIVEN the interaction handler THEN the check sees that it reaches the telemetry API', () => {
    // The handler is the one that records: if the check missed its imports, the test above
    // would prove nothing.
    const handler = join(SRC, 'runtime', 'interaction-handler.ts');
    expect(telemetryReachedFrom([handler])).toContain('telemetry/observe.ts');
  });
});

/**
 * The bot's floors, top down. A file may import its own folder and any folder on a lower
 * floor, never one on its own floor or above. The SDK side is a floor of its own that only
 * the preload may import, so app code reaches telemetry through its API alone.
 */
const FLOORS: readonly (readonly string[])[] = [
  ['main.ts', 'register.ts', 'preload.ts', 'check-config.ts'],
  ['runtime', 'demo', 'telemetry-sdk'],
  ['config'],
  ['commands'],
  ['discord'],
  ['core'],
  ['telemetry'],
  ['contract'],
];
const ONLY_IMPORTED_BY: Readonly<Record<string, readonly string[]>> = {
  'telemetry-sdk': ['preload.ts'],
};

/** The folder under bot/src a file belongs to, or the file's name for an entry point. */
function roomOf(file: string): string {
  return relative(SRC, file).split('/')[0] ?? '';
}

function floorOf(room: string): number {
  const floor = FLOORS.findIndex((rooms) => rooms.includes(room));
  if (floor === -1) throw new Error(`bot/src/${room} is on no floor: add it to FLOORS`);
  return floor;
}

/** Whether `file` importing `specifier` breaks the floors. */
function againstFloors(file: string, specifier: string): boolean {
  const from = roomOf(file);
  const to = roomOf(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
  if (to === from) return false;
  const importers = ONLY_IMPORTED_BY[to];
  const outsider = importers !== undefined && !importers.includes(from);
  return floorOf(to) <= floorOf(from) || outsider;
}

/** Every relative import in `files` that the floors forbid, as "file -> specifier". */
function importsAgainstFloors(files: readonly string[]): string[] {
  return files.flatMap((file) =>
    specifiers(file)
      .filter((specifier) => specifier.startsWith('.') && againstFloors(file, specifier))
      .map((specifier) => `${relative(SRC, file)} -> ${specifier}`),
  );
}

const botFiles = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.ts'))
  .map((name) => join(SRC, name));

describe('the floors of bot/src', () => {
  test('GIVEN every file THEN its imports only run down (entry points, runtime, config, commands, Discord translators, core, telemetry API, contract)', () => {
    expect(botFiles.length).toBeGreaterThan(40);
    expect(importsAgainstFloors(botFiles)).toEqual([]);
  });

  test('GIVEN a folder that is on no floor THEN the check refuses to guess', () => {
    expect(() => floorOf('helpers')).toThrow(/on no floor/);
  });

  test.each([
    { file: 'core/role-list.ts', specifier: '../commands/command.js', why: 'up', wrong: true },
    { file: 'runtime/bot.ts', specifier: '../demo/index.js', why: 'sideways', wrong: true },
    {
      file: 'runtime/bot.ts',
      specifier: '../telemetry-sdk/sdk.js',
      why: 'into the SDK',
      wrong: true,
    },
    {
      file: 'preload.ts',
      specifier: './telemetry-sdk/sdk.js',
      why: 'the preload into the SDK',
      wrong: false,
    },
    { file: 'commands/age.ts', specifier: '../core/account-age.js', why: 'down', wrong: false },
  ])(
    'GIVEN an import $why ($file -> $specifier) THEN it is wrong: $wrong',
    ({ file, specifier, wrong }) => {
      expect(againstFloors(join(SRC, file), specifier)).toBe(wrong);
    },
  );
});
