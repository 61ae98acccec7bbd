import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DiscordDouble, startDiscordDouble } from '@roboshpee/discord-double';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../../../harness/bot/demo-bot.js';

/**
 * What a user sees when a start cannot go on: one plain line on stderr (no stack, no JSON)
 * and a non-zero exit, from the check `npm start` and `npm run demo` run before their build
 * (from the sources) and from the built bot itself.
 */

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(args: readonly string[], env: Record<string, string>, cwd = ROOT): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd,
      // Nothing of the test runner's own settings; a free health port unless a case says.
      env: { PATH: process.env.PATH ?? '', ROBOSHPEE_HEALTH_PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const CHECK = [
  '--import',
  join(ROOT, 'scripts/start/typescript-sources.mjs'),
  join(ROOT, 'bot/src/check-config.ts'),
];
const BOT = ['--import', './bot/dist/preload.js', 'bot/dist/main.js'];
const OFF = { OTEL_SDK_DISABLED: 'true' };

const CONFIG_CASES: ReadonlyArray<readonly [string, Record<string, string>, string]> = [
  [
    'a log level pino does not have',
    { LOG_LEVEL: 'verbose' },
    "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got 'verbose'",
  ],
  [
    'an OTLP endpoint that is no URL',
    { OTEL_EXPORTER_OTLP_ENDPOINT: 'not-a-url' },
    "OTEL_EXPORTER_OTLP_ENDPOINT must be an http:// or https:// URL such as http://localhost:4317, got 'not-a-url'",
  ],
  [
    'a signal endpoint without its scheme',
    { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'alloy:4317' },
    "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT must be an http:// or https:// URL such as http://localhost:4317, got 'alloy:4317'",
  ],
  [
    'a boolean spelled neither way',
    { ROBOSHPEE_DEMO: 'maybe' },
    "ROBOSHPEE_DEMO must be one of true, false, 1, 0, yes, no, on, off, got 'maybe'",
  ],
  [
    'a log format that does not exist',
    { LOG_FORMAT: 'yaml' },
    "LOG_FORMAT must be 'json' or 'pretty', got 'yaml'",
  ],
  [
    'Discord mode asked for without a token',
    { ROBOSHPEE_DEMO: 'false' },
    'DISCORD_TOKEN or DISCORD_TOKEN_FILE must be set to the bot token when ROBOSHPEE_DEMO=false (unset ROBOSHPEE_DEMO for demo mode)',
  ],
];

describe('GIVEN a bad variable THEN one line naming it, the value and the form, and exit 1', () => {
  test.each(CONFIG_CASES)('%s: before the build (npm start/demo check)', async (_, env, line) => {
    const result = await run([...CHECK, '--demo'], env);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `roboshpee: configuration error: ${line}\n`,
    });
  });

  test.each(CONFIG_CASES)('%s: the built bot', async (_, env, line) => {
    const result = await run([...BOT, '--demo'], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`roboshpee: configuration error: ${line}\n`);
  });

  test('a malformed token: named, never repeated', async () => {
    const result = await run([...BOT], { ...OFF, DISCORD_TOKEN: 'Bot s3cr3t-t0ken' });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "roboshpee: configuration error: DISCORD_TOKEN must be the bot token from the Developer Portal, without a 'Bot ' prefix or spaces\n",
    );
    expect(result.stderr).not.toContain('s3cr3t');
  });

  test('two bad variables: a line each, from one run', async () => {
    const result = await run(CHECK, { LOG_LEVEL: 'loud', ROBOSHPEE_USER_IDS: 'plain' });
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      "roboshpee: configuration error: ROBOSHPEE_USER_IDS must be 'hash' or 'omit', got 'plain'",
      "roboshpee: configuration error: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got 'loud'",
    ]);
  });
});

describe('GIVEN the user set a value THEN no script overrides it', () => {
  test('ROBOSHPEE_DEMO=false with npm run demo (--demo): Discord mode, which needs a token', async () => {
    const result = await run([...CHECK, '--demo'], { ROBOSHPEE_DEMO: 'false' });
    expect(result.stderr).toContain('ROBOSHPEE_DEMO=false');
  });

  test('.env is read from the directory the command runs in; the environment wins over it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roboshpee-env-'));
    try {
      writeFileSync(
        join(dir, '.env'),
        '# as .env.example leaves it\nLOG_LEVEL=verbose\nROBOSHPEE_DEMO=\n',
      );
      const fromFile = await run(CHECK, {}, dir);
      expect(fromFile.code).toBe(1);
      expect(fromFile.stderr).toContain(
        "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got 'verbose'",
      );
      expect(await run(CHECK, { LOG_LEVEL: 'debug' }, dir)).toEqual({
        code: 0,
        stdout: '',
        stderr: '',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('GIVEN a start that cannot go on THEN one line that says what to do, and exit 1', () => {
  let double: DiscordDouble;
  let taken: Server;
  let takenPort = 0;
  beforeAll(async () => {
    double = await startDiscordDouble();
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const address = taken.address();
    takenPort = typeof address === 'object' && address !== null ? address.port : 0;
  });
  afterAll(async () => {
    await double.close();
    await new Promise((resolve) => taken.close(resolve));
  });

  test('a token Discord refuses', async () => {
    const wrong = `${double.token.slice(0, -4)}XXXX`;
    const result = await run(BOT, { ...OFF, DISCORD_API_URL: double.apiUrl, DISCORD_TOKEN: wrong });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'roboshpee: could not start: Discord refused the token: set DISCORD_TOKEN (or DISCORD_TOKEN_FILE) to the bot token from the Developer Portal (your application > Bot > Reset Token), or unset both for demo mode\n',
    );
    expect(result.stderr).not.toContain(wrong);
  });

  test('a health port another process holds', async () => {
    const result = await run([...BOT, '--demo'], {
      ...OFF,
      ROBOSHPEE_HEALTH_PORT: String(takenPort),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `roboshpee: could not start: the health endpoint cannot listen on 127.0.0.1:${takenPort} (listen EADDRINUSE: address already in use 127.0.0.1:${takenPort}); set ROBOSHPEE_HEALTH_HOST or ROBOSHPEE_HEALTH_PORT (0 picks a free port)\n`,
    );
  });

  test('a demo port another process holds', async () => {
    const result = await run([...BOT, '--demo'], {
      ...OFF,
      ROBOSHPEE_DEMO_PORT: String(takenPort),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        `^roboshpee: could not start: the demo's Discord double cannot listen on 127\\.0\\.0\\.1:${takenPort} \\(.*EADDRINUSE.*\\); set ROBOSHPEE_DEMO_PORT to a free port \\(0 picks one\\)\\n$`,
      ),
    );
  });
});
