import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { onShutdown, type ShutdownCause } from '../src/runtime/shutdown.js';

// Every process event close-with-grace listens to. The tests emit them by hand, so vitest's
// own listeners (which would report the emitted errors as failures) step aside meanwhile.
const EVENTS = [
  'SIGHUP',
  'SIGINT',
  'SIGQUIT',
  'SIGILL',
  'SIGTRAP',
  'SIGABRT',
  'SIGBUS',
  'SIGFPE',
  'SIGSEGV',
  'SIGUSR2',
  'SIGTERM',
  'uncaughtException',
  'unhandledRejection',
  'beforeExit',
] as const;

type Listener = (...args: unknown[]) => void;

let saved: Map<string, Listener[]>;
let logs: Record<string, unknown>[];
let exit: ReturnType<typeof vi.spyOn>;
let stops: ShutdownCause[];
let uninstall: () => void;

beforeEach(() => {
  saved = new Map(EVENTS.map((event) => [event, process.rawListeners(event) as Listener[]]));
  for (const event of EVENTS) process.removeAllListeners(event);
  logs = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
  stops = [];
  uninstall = onShutdown({ timeoutMs: 5000, logger: pino(sink) }, async (cause) => {
    stops.push(cause);
  });
});

afterEach(() => {
  uninstall();
  exit.mockRestore();
  for (const event of EVENTS) {
    process.removeAllListeners(event);
    for (const listener of saved.get(event) ?? []) process.on(event, listener);
  }
});

test('GIVEN a promise rejection nobody handled THEN it is logged and the bot keeps serving', async () => {
  process.emit('unhandledRejection', new Error('stray'), Promise.resolve());
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(stops).toEqual([]);
  expect(exit).not.toHaveBeenCalled();
  expect(logs).toEqual([
    expect.objectContaining({
      level: 50,
      msg: 'unhandled promise rejection; still serving',
      error: expect.objectContaining({ type: 'Error', message: 'stray' }),
    }),
  ]);
});

test('GIVEN SIGTERM THEN stop runs once, then the process exits 0', async () => {
  process.emit('SIGTERM', 'SIGTERM');
  await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(0));
  expect(stops).toEqual([{ signal: 'SIGTERM' }]);
});

test('GIVEN an uncaught exception THEN it is logged, stop runs, and the process exits 1', async () => {
  const error = new Error('broken state');
  for (const listener of process.listeners('uncaughtException')) {
    listener(error, 'uncaughtException');
  }
  await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(1));
  expect(stops).toEqual([{ err: error }]);
  expect(logs[0]).toMatchObject({ level: 50, msg: 'unexpected error, shutting down' });
});
