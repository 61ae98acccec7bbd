import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { ExternalDouble } from '../harness/bot/demo-bot.js';
import type { LoadAnswer } from './load.js';

/** A load the double process runs (double-main.ts): closed loop or fixed rate. */
export type LoadRequest =
  | { readonly kind: 'closed'; readonly total: number; readonly concurrency: number }
  | { readonly kind: 'open'; readonly perSecond: number; readonly seconds: number };

export interface DoubleProcess extends ExternalDouble {
  readonly pid: number;
  /** Runs a load of `/role list` from the double; null for an interaction that failed. */
  drive(request: LoadRequest): Promise<Array<LoadAnswer | null>>;
  /** Waits until no gateway session is left (a stopped bot's close has arrived). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts double-main.js (compiled beside this file) and resolves once it listens. */
export async function startDoubleProcess(): Promise<DoubleProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [fileURLToPath(new URL('./double-main.js', import.meta.url))],
    { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] },
  );
  const [first] = (await once(child.stdout as NodeJS.ReadableStream, 'data')) as [Buffer];
  const { baseUrl, token } = JSON.parse(first.toString().split('\n')[0] ?? '') as ExternalDouble;
  return {
    baseUrl,
    token,
    pid: child.pid ?? 0,
    async drive(request) {
      child.send(request);
      const [reply] = (await once(child, 'message')) as [
        { answers?: Array<LoadAnswer | null>; error?: string },
      ];
      if (reply.answers === undefined) throw new Error(`the load failed: ${reply.error}`);
      return reply.answers;
    },
    async idle() {
      for (let attempt = 0; attempt < 100; attempt += 1) {
        const health = (await (await fetch(`${baseUrl}/_demo/healthz`)).json()) as {
          gatewaySessions: number;
        };
        if (health.gatewaySessions === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error('the Discord double still counts a gateway session 5 s after the bot left');
    },
    async stop() {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
}
