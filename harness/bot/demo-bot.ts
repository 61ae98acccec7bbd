import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { ControlAnswer, ControlRequest } from '@roboshpee/discord-double';

/** The repository root, found upwards (this file also runs compiled, from the bench). */
function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'bot', 'tsconfig.build.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('repository root not found above the demo-bot helper');
    dir = parent;
  }
  return `${dir}/`;
}

/** This checkout: where the bot runs from unless told otherwise. */
export const ROOT = repositoryRoot();

/** `npm start`'s command line in `root` without the leading `node`, so the bot runs on this very Node. */
function startArguments(root: string): string[] {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  const [node, ...args] = (manifest.scripts?.start ?? '').split(/\s+/);
  if (node !== 'node' || args.length === 0)
    throw new Error(`package.json scripts.start is not "node ...": ${manifest.scripts?.start}`);
  // A developer's .env is theirs: the bots started here get only the environment given.
  return args.filter((arg) => !arg.startsWith('--env-file'));
}

/** The `--import` of the bot's preload from `npm start`'s command line in `root`. */
export function preloadArguments(root: string): string[] {
  return startArguments(root).slice(0, -1);
}

/** This process's environment without the variables that configure the bot. */
export function inheritedEnvironment(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined &&
        !/^(OTEL_|ROBOSHPEE_|PYROSCOPE_|DISCORD_|LOG_LEVEL$|LOG_FORMAT$)/.test(entry[0]),
    ),
  );
}

export type LogLine = Record<string, unknown> & { msg?: string };

/** A Discord double the bot should log in to instead of starting its own (demo mode). */
export interface ExternalDouble {
  /** e.g. `http://127.0.0.1:41234`: REST under `/api`, the control API under `/_demo`. */
  readonly baseUrl: string;
  readonly token: string;
}

export interface DemoBotOptions {
  /** The checkout whose built bot runs (default: this one); the bench passes an older one. */
  readonly root?: string;
  /**
   * Run in Discord mode against this double, so that the bot's process does only the bot's
   * work (the bench measures its CPU); default: demo mode, the double inside the bot.
   */
  readonly double?: ExternalDouble;
}

/**
 * The built bot as a child process, started with `npm start`'s own command line
 * (package.json scripts.start), driven through the demo double's control API. The wire
 * tests, the bench and the container suites all start it here.
 */
export class DemoBot {
  /** Lines as they arrived: parsed only when read, so that a reader in the bench's busy
   * process keeps up with the bot's stdout and never makes the bot's writes wait. */
  readonly #unparsed: string[] = [];
  readonly #parsed: LogLine[] = [];
  readonly stderr: string[] = [];
  #baseUrl = '';
  readonly #exited: Promise<number | null>;

  private constructor(
    private readonly child: ChildProcess,
    baseUrl: string,
  ) {
    this.#baseUrl = baseUrl;
    this.#exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) =>
      this.#unparsed.push(line),
    );
    createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', (line) =>
      this.stderr.push(line),
    );
  }

  /** The bot's stdout, one parsed JSON line each (`{msg, unparsed: true}` if not JSON). */
  get lines(): readonly LogLine[] {
    for (const line of this.#unparsed.splice(0)) {
      try {
        this.#parsed.push(JSON.parse(line) as LogLine);
      } catch {
        this.#parsed.push({ msg: line, unparsed: true });
      }
    }
    return this.#parsed;
  }

  static async start(env: Record<string, string>, options: DemoBotOptions = {}): Promise<DemoBot> {
    const root = options.root ?? ROOT;
    const double = options.double;
    const inherited = inheritedEnvironment();
    const mode =
      double === undefined
        ? { ROBOSHPEE_DEMO: 'true', ROBOSHPEE_DEMO_RATE: '0' }
        : {
            ROBOSHPEE_DEMO: 'false',
            DISCORD_API_URL: `${double.baseUrl}/api`,
            DISCORD_TOKEN: double.token,
          };
    const child = spawn(process.execPath, startArguments(root), {
      cwd: root,
      // A free health port: several bots run side by side in the tests and the bench.
      env: { ...inherited, ...mode, ROBOSHPEE_HEALTH_PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const bot = new DemoBot(child, double?.baseUrl ?? '');
    await bot.#waitUntilConnected();
    return bot;
  }

  /** The health endpoint's base URL (`/livez`, `/readyz`), from the bot's own startup line. */
  get healthUrl(): string {
    const health = this.lines.find((line) => typeof line.health === 'string')?.health as string;
    return health?.replace(/\/readyz$/, '') ?? '';
  }

  /** The Discord double's base URL: the external one, or from the bot's own startup line. */
  get doubleUrl(): string {
    return this.#baseUrl;
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  async #waitUntilConnected(): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) break;
      if (this.#baseUrl === '') {
        const control = this.lines.find((line) => typeof line.demoControlApi === 'string');
        this.#baseUrl =
          (control?.demoControlApi as string | undefined)?.replace(/\/_demo$/, '') ?? '';
      }
      // A double outside this bot may still count the session of a bot stopped just before.
      const ready = this.lines.some((line) => line.msg === 'connected to Discord');
      if (this.#baseUrl !== '' && ready) {
        const health = await fetch(`${this.#baseUrl}/_demo/healthz`)
          .then((response) => response.json() as Promise<{ botConnected?: boolean }>)
          .catch(() => undefined);
        if (health?.botConnected) return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    this.child.kill('SIGKILL');
    throw new Error(
      `the demo bot did not connect:\n${this.lines.map((line) => JSON.stringify(line)).join('\n')}\n${this.stderr.join('\n')}`,
    );
  }

  async interact(request: ControlRequest): Promise<ControlAnswer> {
    const response = await fetch(`${this.#baseUrl}/_demo/interactions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
    if (!response.ok) throw new Error(`control API: ${response.status} ${await response.text()}`);
    return (await response.json()) as ControlAnswer;
  }

  linesWith(message: string): LogLine[] {
    return this.lines.filter((line) => line.msg === message || line.msg?.startsWith(message));
  }

  /** Sends the signal and waits for the exit code (null when killed after `timeoutMs`). */
  async stop(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 20_000): Promise<number | null> {
    if (this.child.exitCode !== null) return this.child.exitCode;
    this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    try {
      return await this.#exited;
    } finally {
      clearTimeout(timer);
    }
  }
}
