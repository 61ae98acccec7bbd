import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { expect, test } from 'vitest';

const CONTRACT = fileURLToPath(new URL('../../src/contract/', import.meta.url));

/**
 * The contract is the lowest floor: the core, telemetry, dashboards and tests import it, so
 * it may import nothing but itself (no package, no other part of the bot).
 */
test('GIVEN the data contract THEN its files import only each other', () => {
  const files = readdirSync(CONTRACT).filter((name) => name.endsWith('.ts'));
  expect(files.length).toBeGreaterThan(3);
  const outside = files.flatMap((name) =>
    ts
      .preProcessFile(readFileSync(join(CONTRACT, name), 'utf8'), true, true)
      .importedFiles.map((imported) => imported.fileName)
      .filter(
        (specifier) =>
          !specifier.startsWith('./') ||
          dirname(resolve(CONTRACT, specifier)) !== resolve(CONTRACT),
      )
      .map((specifier) => `${name} imports ${specifier}`),
  );
  expect(outside).toEqual([]);
});
