import { once } from 'node:events';
import WebSocket from 'ws';

/** The `--inspect=127.0.0.1:0` URL a Node process announces on stderr. */
export function inspectorUrl(stderr: readonly string[]): string {
  const line = stderr.find((text) => text.startsWith('Debugger listening on ws://'));
  if (line === undefined) throw new Error('the bot did not announce an inspector URL on stderr');
  return line.slice('Debugger listening on '.length).trim();
}

/**
 * V8's heap in use right after a full garbage collection, asked over the inspector
 * protocol: what the process really holds, unlike RSS (V8 grows the heap lazily on a large
 * host and collects late). Works on any Node process, old code included.
 */
export async function heapUsedAfterGc(url: string): Promise<number> {
  const socket = new WebSocket(url);
  await once(socket, 'open');
  let next = 0;
  const call = (method: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      next += 1;
      const id = next;
      const onMessage = (data: WebSocket.RawData) => {
        const message = JSON.parse(data.toString()) as {
          id?: number;
          result?: Record<string, unknown>;
          error?: { message: string };
        };
        if (message.id !== id) return;
        socket.off('message', onMessage);
        if (message.error) reject(new Error(`${method}: ${message.error.message}`));
        else resolve(message.result ?? {});
      };
      socket.on('message', onMessage);
      socket.send(JSON.stringify({ id, method }));
    });
  try {
    await call('HeapProfiler.collectGarbage');
    const { usedSize } = await call('Runtime.getHeapUsage');
    return Number(usedSize);
  } finally {
    socket.close();
  }
}
