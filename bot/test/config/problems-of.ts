import { loadBotConfig } from '../../src/config/bot-config.js';
import { ConfigError } from '../../src/config/config-error.js';

/** The lines the bot would print for `env`; fails the test when the settings load. */
export function problemsOf(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    loadBotConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}
