import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { REPO_ROOT } from './stack-facts.js';

/** The built bot (`npm start`'s command) running in demo mode as a child process. */
export interface DemoBot {
  /** The demo double's base URL, from the bot's own startup line. */
  readonly doubleUrl: string;
  /** Every stdout line so far (pino JSON), for failure messages. */
  readonly output: readonly string[];
  /** SIGTERM (the bot flushes its telemetry), then waits for the exit, bounded. */
  stop(): Promise<void>;
}

const DOUBLE_LINE = /Discord double at (http:\/\/[^\s"]+)/;

/** `npm start`'s command line without the leading `node`, so it runs on this very Node. */
function startArguments(): string[] {
  const manifest = JSON.parse(readFileSync(resolve(REPO_ROOT, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  const [node, ...args] = (manifest.scripts?.start ?? '').split(/\s+/);
  if (node !== 'node' || args.length === 0)
    throw new Error(`package.json scripts.start is not "node ...": ${manifest.scripts?.start}`);
  return args;
}

/**
 * Starts the bot in demo mode with `environment` on top of this process's (any real
 * DISCORD_TOKEN removed), and resolves once it has logged the double's URL.
 */
export async function startDemoBot(
  environment: Readonly<Record<string, string>>,
  timeoutMs = 60_000,
): Promise<DemoBot> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    ROBOSHPEE_DEMO: 'true',
    ...environment,
  };
  delete env.DISCORD_TOKEN;
  const child = spawn(process.execPath, startArguments(), {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const lines = createInterface({ input: child.stdout });
  createInterface({ input: child.stderr }).on('line', (line) => output.push(line));

  const doubleUrl = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new Error(
            `the bot did not log its demo URL within ${timeoutMs} ms:\n${output.slice(-20).join('\n')}`,
          ),
        ),
      timeoutMs,
    );
    lines.on('line', (line) => {
      output.push(line);
      const match = DOUBLE_LINE.exec(line);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(
          `the bot exited (${code ?? signal}) before starting:\n${output.slice(-20).join('\n')}`,
        ),
      );
    });
  });
  return { doubleUrl, output, stop: () => stopChild(child) };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}
