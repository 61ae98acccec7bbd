import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import type { Section } from '../../src/config/section.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const SECTIONS = join(SRC, 'config', 'sections');
/** The processes' entry points: each hands `process.env` to the config module, once. */
const ENTRY_POINTS = ['main.ts', 'register.ts', 'preload.ts', 'check-config.ts'];

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .sort();
}

/**
 * Every place a source reaches the environment: `process.env`, `process['env']`,
 * `const { env } = process`, or `env` imported from `node:process`, as `line:text`.
 */
function environmentReads(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const note = (node: ts.Node) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    found.push(`${line + 1}:${node.getText(source)}`);
  };
  const isProcess = (node: ts.Node) => ts.isIdentifier(node) && node.text === 'process';
  const visit = (node: ts.Node): void => {
    if (
      ts.isPropertyAccessExpression(node) &&
      isProcess(node.expression) &&
      node.name.text === 'env'
    ) {
      note(node);
    } else if (
      ts.isElementAccessExpression(node) &&
      isProcess(node.expression) &&
      ts.isStringLiteralLike(node.argumentExpression) &&
      node.argumentExpression.text === 'env'
    ) {
      note(node);
    } else if (
      ts.isVariableDeclaration(node) &&
      node.initializer !== undefined &&
      isProcess(node.initializer) &&
      ts.isObjectBindingPattern(node.name) &&
      node.name.elements.some((element) =>
        [element.propertyName, element.name].some((name) => name?.getText(source) === 'env'),
      )
    ) {
      note(node);
    } else if (
      ts.isImportDeclaration(node) &&
      ts.isStringLiteral(node.moduleSpecifier) &&
      ['process', 'node:process'].includes(node.moduleSpecifier.text) &&
      /\benv\b/.test(node.importClause?.getText(source) ?? '')
    ) {
      note(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the environment is read once, by the entry points, through the config module', () => {
  test('GIVEN bot/src THEN no module but the entry points reaches process.env', () => {
    const readers = Object.fromEntries(
      sourcesUnder(SRC)
        .filter((name) => !ENTRY_POINTS.includes(name))
        .map((name): [string, string[]] => [
          name,
          environmentReads(name, readFileSync(join(SRC, name), 'utf8')),
        ])
        .filter(([, reads]) => reads.length > 0),
    );
    expect(readers).toEqual({});
  });

  test('GIVEN an entry point THEN it reads process.env exactly once, handing it to a loader', () => {
    for (const name of ENTRY_POINTS) {
      const text = readFileSync(join(SRC, name), 'utf8');
      const reads = environmentReads(name, text);
      expect(reads, name).toHaveLength(1);
      expect(reads[0], name).toMatch(/^\d+:process\.env$/);
      expect(text, name).toMatch(
        /(load(Bot|Register|Telemetry)Config|withDemoDefault)\(process\.env[,)]/,
      );
    }
  });

  test.each([
    ['const token = process.env.DISCORD_TOKEN;', ['1:process.env']],
    ["const level = process['env'].LOG_LEVEL;", ["1:process['env']"]],
    ['const { env } = process;', ['1:{ env } = process']],
    ["import { env } from 'node:process';", ["1:import { env } from 'node:process';"]],
    ['const processed = other.env; // process.env in a comment', []],
  ])('GIVEN `%s` THEN the check finds %j', (text, expected) => {
    expect(environmentReads('sample.ts', text)).toEqual(expected);
  });
});

describe('each variable belongs to exactly one section', () => {
  test('GIVEN every section in config/sections THEN no variable is in two of them', async () => {
    const owners = new Map<string, string[]>();
    for (const name of sourcesUnder(SECTIONS)) {
      const exports: Record<string, unknown> = await import(
        pathToFileURL(join(SECTIONS, name)).href
      );
      for (const [exported, value] of Object.entries(exports)) {
        // exportSection takes the mode (its metric interval default depends on it).
        const section = (typeof value === 'function' ? value('demo') : value) as Partial<
          Section<unknown>
        >;
        if (!Array.isArray(section?.variables)) continue;
        for (const variable of section.variables) {
          owners.set(variable, [...(owners.get(variable) ?? []), `${name}:${exported}`]);
        }
      }
    }
    expect(owners.size).toBeGreaterThan(30);
    expect([...owners].filter(([, where]) => where.length > 1)).toEqual([]);
  });
});
