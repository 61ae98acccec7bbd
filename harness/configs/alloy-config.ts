import { readRepoFile } from '../repo/repo.js';
import { ALLOY_CONFIG } from '../repo/stack-files.js';

/**
 * What the static checks need from an Alloy config: the addresses it names, each with the
 * attribute it sets and, when it comes from the environment, the variable and its default.
 * Only the Alloy binary can validate the syntax, and its image (grafana/alloy v1.19.2, as
 * compose.yaml pins it) cannot be pulled here: this hand-kept reader takes string literals,
 * nothing more. Its lexical rules mirror grafana/alloy syntax/scanner/scanner.go (read at
 * commit 3ad0d812, not at the v1.19.2 tag): `//` comments, double-quoted strings with
 * backslash escapes. Block comments and backtick strings, which the scanner also has, are
 * not read: infra/alloy uses neither.
 */

export interface AlloyValue {
  readonly file: string;
  readonly line: number;
  /** The attribute or object key the value is assigned to (`endpoint`, `url`, `__address__`). */
  readonly key: string;
  /** The literal, or the default of `coalesce(sys.env("VAR"), "default")`. */
  readonly value: string;
  /** The environment variable that overrides the value, when there is one. */
  readonly env: string | undefined;
}

/** Blanks `//` comments (outside string literals) so commented-out settings never count. */
export function stripComments(source: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (inString) {
      out += char;
      if (char === '\\') {
        out += source[i + 1] ?? '';
        i++;
      } else if (char === '"') {
        inString = false;
      }
    } else if (char === '"') {
      inString = true;
      out += char;
    } else if (char === '/' && source[i + 1] === '/') {
      while (i < source.length && source[i] !== '\n') i++;
      out += '\n';
    } else {
      out += char;
    }
  }
  return out;
}

const ENV_DEFAULT = /("?[\w.]+"?)\s*=\s*coalesce\(\s*sys\.env\("([^"]+)"\)\s*,\s*"([^"]*)"\s*\)/g;
const LITERAL = /("?[\w.]+"?)\s*=\s*"([^"]*)"/g;

function lineAt(source: string, index: number): number {
  return source.slice(0, index).split('\n').length;
}

/** Every `key = "literal"` and `key = coalesce(sys.env("VAR"), "default")` in a config. */
export function alloyValues(source: string, file: string): AlloyValue[] {
  const code = stripComments(source);
  const values: AlloyValue[] = [];
  for (const match of code.matchAll(ENV_DEFAULT)) {
    const [, key = '', env, value = ''] = match;
    values.push({
      file,
      line: lineAt(code, match.index),
      key: key.replaceAll('"', ''),
      value,
      env,
    });
  }
  for (const match of code.matchAll(LITERAL)) {
    const [, key = '', value = ''] = match;
    values.push({
      file,
      line: lineAt(code, match.index),
      key: key.replaceAll('"', ''),
      value,
      env: undefined,
    });
  }
  return values.sort((a, b) => a.line - b.line);
}

/**
 * Every variable the config reads: each `sys.env("VAR")`, with or without a default, and
 * each one handed to the config's boolean reader (`boolean_env "x" { variable = "VAR" }`).
 */
export function alloyEnvironmentVariables(source: string): string[] {
  const code = stripComments(source);
  const direct = [...code.matchAll(/sys\.env\("([^"]+)"\)/g)].map((m) => m[1] ?? '');
  const booleans = alloyBooleanVariables(source).map((b) => b.variable);
  return [...new Set([...direct, ...booleans])];
}

/** One `boolean_env "label" { variable = "VAR" }` instance of config.alloy's boolean reader. */
export interface AlloyBooleanVariable {
  readonly label: string;
  readonly variable: string;
  readonly line: number;
}

export function alloyBooleanVariables(source: string): AlloyBooleanVariable[] {
  return alloyBlocks(source, 'boolean_env').map((block) => ({
    label: block.label,
    variable: /\bvariable\s*=\s*"([^"]+)"/.exec(block.body)?.[1] ?? '',
    line: block.line,
  }));
}

export function loadAlloyValues(file = ALLOY_CONFIG): AlloyValue[] {
  return alloyValues(readRepoFile(file), file);
}

/** One `kind "label" { ... }` block of an Alloy config, with its body (comments blanked). */
export interface AlloyBlock {
  readonly kind: string;
  readonly label: string;
  readonly line: number;
  readonly body: string;
}

/** Every block of one component kind (`otelcol.auth.basic`), braces matched outside strings. */
export function alloyBlocks(source: string, kind: string): AlloyBlock[] {
  const code = stripComments(source);
  const header = new RegExp(`(?:^|\\n)\\s*${kind.replaceAll('.', '\\.')}\\s+"([^"]*)"\\s*\\{`, 'g');
  return [...code.matchAll(header)].map((match) => {
    const start = match.index + match[0].length;
    let depth = 1;
    let inString = false;
    let end = start;
    for (; end < code.length && depth > 0; end++) {
      const char = code[end];
      if (inString) {
        if (char === '\\') end++;
        else if (char === '"') inString = false;
      } else if (char === '"') inString = true;
      else if (char === '{') depth++;
      else if (char === '}') depth--;
    }
    return {
      kind,
      label: match[1] ?? '',
      line: lineAt(code, match.index + match[0].indexOf(kind)),
      body: code.slice(start, end - 1),
    };
  });
}
