import { afterEach, describe, expect, test } from 'vitest';
import { type HealthServer, startHealthServer } from '../../src/runtime/health-server.js';

let server: HealthServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(state: { connected: boolean; stopping: boolean }): Promise<string> {
  server = await startHealthServer(
    { host: '127.0.0.1', port: 0 },
    { gatewayConnected: () => state.connected, stopping: () => state.stopping },
  );
  return server.url;
}

async function get(url: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.json() };
}

describe('health endpoint', () => {
  test('/readyz follows the gateway: 503 while disconnected, 200 once connected, 503 when stopping', async () => {
    const state = { connected: false, stopping: false };
    const url = await start(state);
    expect(await get(`${url}/readyz`)).toEqual({ status: 503, body: { gateway: 'disconnected' } });
    state.connected = true;
    expect(await get(`${url}/readyz`)).toEqual({ status: 200, body: { gateway: 'connected' } });
    state.stopping = true;
    expect(await get(`${url}/readyz`)).toEqual({ status: 503, body: { gateway: 'stopping' } });
  });

  test('/livez answers 200 whatever the gateway does; other paths 404, other methods 405', async () => {
    const url = await start({ connected: false, stopping: true });
    expect(await get(`${url}/livez`)).toEqual({ status: 200, body: { status: 'ok' } });
    expect((await get(`${url}/metrics`)).status).toBe(404);
    expect((await fetch(`${url}/readyz`, { method: 'POST' })).status).toBe(405);
  });

  test('a port in use is an error the caller can report, not a crash', async () => {
    const first = await start({ connected: true, stopping: false });
    const port = Number(new URL(first).port);
    await expect(
      startHealthServer(
        { host: '127.0.0.1', port },
        { gatewayConnected: () => true, stopping: () => false },
      ),
    ).rejects.toThrow(/EADDRINUSE/);
  });
});
