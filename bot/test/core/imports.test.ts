import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { expect, test } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const CORE = join(SRC, 'core');

/** Every module specifier a file imports or re-exports, static or dynamic. */
function specifiers(file: string): string[] {
  return ts
    .preProcessFile(readFileSync(file, 'utf8'), true, true)
    .importedFiles.map((imported) => imported.fileName);
}

/**
 * The packages the core reaches, following its relative imports wherever they lead, so that
 * a core file cannot reach discord.js or OpenTelemetry through a project file either.
 */
function packagesReachedFrom(entries: readonly string[]): Map<string, string> {
  const reached = new Map<string, string>();
  const seen = new Set<string>();
  const queue = [...entries];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of specifiers(file)) {
      if (specifier.startsWith('.')) {
        queue.push(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      } else {
        reached.set(specifier, relative(SRC, file));
      }
    }
  }
  return reached;
}

test('GIVEN the core THEN it imports no package at all, directly or through a project file (no discord.js, no OpenTelemetry)', () => {
  const files = readdirSync(CORE, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(CORE, name));
  expect(files.length).toBeGreaterThan(5);
  expect(Object.fromEntries(packagesReachedFrom(files))).toEqual({});
});

test('GIVEN a file that imports a package through a relative import THEN the check sees it', () => {
  // `/role list` imports no package itself but reaches discord.js through the adapter: the
  // check must notice, or the test above proves nothing.
  const list = join(SRC, 'commands', 'role', 'list.ts');
  expect(specifiers(list).every((specifier) => specifier.startsWith('.'))).toBe(true);
  expect(packagesReachedFrom([list]).get('discord.js')).toMatch(/\.ts$/);
});
