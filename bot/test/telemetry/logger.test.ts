import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { ROOT } from '../../../harness/bot/demo-bot.js';

const run = promisify(execFile);
const LINES = 5000;

test('WHEN the process exits right after logging THEN every line reached stdout (the asynchronous stream is flushed on exit)', async () => {
  const logger = join(ROOT, 'bot', 'dist', 'telemetry', 'logger.js');
  // Enough lines that the asynchronous stream still holds some when exit comes.
  const script = `
    const { logger } = await import(${JSON.stringify(logger)});
    for (let i = 0; i < ${LINES}; i += 1) logger.info({ i }, 'line');
    logger.fatal('last words');
    process.exit(1);
  `;
  const result = await run(process.execPath, ['--input-type=module', '-e', script], {
    maxBuffer: 64 * 1024 * 1024,
  }).catch((error: { code: number; stdout: string }) => error);
  expect('code' in result ? result.code : 0).toBe(1);
  const lines = result.stdout.trimEnd().split('\n');
  expect(lines).toHaveLength(LINES + 1);
  expect(JSON.parse(lines.at(-1) ?? '')).toMatchObject({ level: 60, msg: 'last words' });
});
