import { readRepoFile } from '../../harness/repo/repo.js';

/** A Dockerfile as a list of instructions, continuation lines joined and comments dropped. */

export interface Instruction {
  readonly line: number;
  readonly keyword: string;
  readonly args: string;
}

export function parseDockerfile(source: string): Instruction[] {
  const instructions: Instruction[] = [];
  let pending: { line: number; text: string } | undefined;
  for (const [index, raw] of source.split('\n').entries()) {
    const text = raw.trim();
    if (pending === undefined && (text === '' || text.startsWith('#'))) continue;
    const joined = pending ? `${pending.text} ${text}` : text;
    const start = pending?.line ?? index + 1;
    if (joined.endsWith('\\')) {
      pending = { line: start, text: joined.slice(0, -1).trim() };
      continue;
    }
    pending = undefined;
    const match = /^(\w+)\s*(.*)$/.exec(joined);
    if (match)
      instructions.push({
        line: start,
        keyword: (match[1] ?? '').toUpperCase(),
        args: match[2] ?? '',
      });
  }
  return instructions;
}

/** Replaces `${NAME}` with the default of a global `ARG NAME=default`. */
export function resolveArgs(instructions: readonly Instruction[], text: string): string {
  const defaults = new Map<string, string>();
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') break;
    const match = instruction.keyword === 'ARG' ? /^(\w+)=(\S+)$/.exec(instruction.args) : null;
    if (match?.[1] && match[2] !== undefined) defaults.set(match[1], match[2]);
  }
  return text.replace(/\$\{?(\w+)\}?/g, (whole, name: string) => defaults.get(name) ?? whole);
}

export function loadDockerfile(file: string): Instruction[] {
  return parseDockerfile(readRepoFile(file));
}
