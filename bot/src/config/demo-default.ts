import type { Environment } from './section.js';

/** The argument `npm run demo` passes to each of its entry points. */
export const DEMO_ARGUMENT = '--demo';

/**
 * The environment an entry point reads: with `--demo` among `args`, ROBOSHPEE_DEMO defaults
 * to true, so that a token in `.env` does not turn `npm run demo` into Discord mode. A
 * ROBOSHPEE_DEMO the user set (environment or `.env`) is kept as written, and judged.
 */
export function withDemoDefault(env: Environment, args: readonly string[]): Environment {
  const unset = env.ROBOSHPEE_DEMO === undefined || env.ROBOSHPEE_DEMO === '';
  return args.includes(DEMO_ARGUMENT) && unset ? { ...env, ROBOSHPEE_DEMO: 'true' } : env;
}
