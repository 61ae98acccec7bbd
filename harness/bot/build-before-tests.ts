import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ROOT } from './demo-bot.js';

/**
 * Vitest global setup: `npm run build` (the Discord double package, then the bot) once,
 * before any test file starts. The tests that run the built bot read bot/dist and
 * packages/discord-double/dist; building once keeps parallel test files from compiling
 * into the same directories while another one reads them.
 */
export default async function buildBeforeTests(): Promise<void> {
  await promisify(execFile)('npm', ['run', '--silent', 'build'], { cwd: ROOT }).catch(
    (error: { stdout?: string; stderr?: string }) => {
      throw new Error(
        `npm run build fails, so the tests that run the built bot cannot start:\n${error.stdout ?? ''}${error.stderr ?? ''}`,
      );
    },
  );
}
