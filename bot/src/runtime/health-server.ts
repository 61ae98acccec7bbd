import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the health endpoint reports: whether the bot can hear Discord right now. */
export interface HealthSource {
  /** True while the gateway connection is up (interactions can arrive). */
  readonly gatewayConnected: () => boolean;
  /** True once shutdown began: the bot is going away, whatever the gateway says. */
  readonly stopping: () => boolean;
}

export interface HealthServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * A tiny HTTP endpoint for compose healthchecks and Kubernetes probes, in every mode:
 * `GET /livez` answers 200 while the process serves requests at all; `GET /readyz` answers
 * 200 while the Discord gateway is connected and 503 before, during a reconnect and during
 * shutdown. Kept apart from the demo's control API so that a real deployment has it too.
 */
export async function startHealthServer(
  listen: { readonly host: string; readonly port: number },
  source: HealthSource,
): Promise<HealthServer> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (path === '/livez') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    if (path === '/readyz') {
      const gateway = source.stopping()
        ? 'stopping'
        : source.gatewayConnected()
          ? 'connected'
          : 'disconnected';
      response
        .writeHead(gateway === 'connected' ? 200 : 503, { 'content-type': 'application/json' })
        .end(JSON.stringify({ gateway }));
      return;
    }
    response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
  });
  // Probes must never keep the process alive, nor wait on an idle keep-alive socket at exit.
  server.keepAliveTimeout = 1_000;
  server.listen(listen.port, listen.host);
  await once(server, 'listening');
  server.unref();
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
