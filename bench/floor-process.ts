import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { inheritedEnvironment, preloadArguments } from '../harness/bot/demo-bot.js';
import type { FloorRequest } from './floor-main.js';

export interface FloorProcess {
  readonly pid: number;
  /** Runs `total` commands' telemetry at `perSecond`; resolves when the last is emitted. */
  run(request: FloorRequest): Promise<void>;
  /** SIGTERM: the SDK flushes, as the bot's does; rejects unless it exits 0. */
  stop(): Promise<void>;
}

/**
 * Starts floor-main.js (compiled beside this file) under the bot's preload from `root`, with
 * the bot's telemetry environment, and resolves once the SDK is up.
 */
export async function startFloorProcess(
  root: string,
  env: Record<string, string>,
): Promise<FloorProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [...preloadArguments(root), fileURLToPath(new URL('./floor-main.js', import.meta.url))],
    {
      cwd: root,
      env: { ...inheritedEnvironment(), ...env },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    },
  );
  const exited = once(child, 'exit') as Promise<[number | null]>;
  const message = async () => {
    const [reply] = (await Promise.race([once(child, 'message'), exited])) as [
      { ready?: true; done?: true; error?: string } | number | null,
    ];
    if (typeof reply !== 'object' || reply === null || reply.error !== undefined) {
      throw new Error(`the floor process failed: ${JSON.stringify(reply)}`);
    }
  };
  await message();
  return {
    pid: child.pid ?? 0,
    async run(request) {
      child.send(request);
      await message();
    },
    async stop() {
      child.kill('SIGTERM');
      const [code] = child.exitCode === null ? await exited : [child.exitCode];
      if (code !== 0) throw new Error(`the floor process exited with ${code}`);
    },
  };
}
