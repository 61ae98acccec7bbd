import { ConfigError } from './config-error.js';

/**
 * For entry points: the settings, or each problem as one line on stderr and exit status 1
 * (no stack trace: the line says all). `topic` says whose settings they are.
 */
export function loadOrExit<T>(load: () => T, topic?: string): T {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const prefix = topic === undefined ? 'roboshpee: ' : `roboshpee: ${topic}: `;
    for (const problem of error.problems) process.stderr.write(`${prefix}${problem}\n`);
    process.exit(1);
  }
}
