import { ConfigError } from './config-error.js';

/**
 * For entry points: the settings, or each problem as one plain line on stderr and exit
 * status 1 (no stack trace, no JSON: the line names the variable, the value unless it is a
 * secret, and the form expected).
 */
export function loadOrExit<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) {
      process.stderr.write(`roboshpee: configuration error: ${problem}\n`);
    }
    process.exit(1);
  }
}

/** Every problem of every loader in one ConfigError, so that one run names them all. */
export function loadAll(loads: ReadonlyArray<() => unknown>): void {
  const problems: string[] = [];
  for (const load of loads) {
    try {
      load();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new ConfigError([...new Set(problems)]);
}
