import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sendInteraction, waitForDemo } from '../../../harness/bot/demo-control.js';

/**
 * A stand-in for the demo double's control API on loopback, answering in the shapes
 * packages/discord-double/src/control-api.ts documents: `GET /_demo/healthz` ->
 * `{ status, botConnected, ... }`; `POST /_demo/interactions` -> `{ interactionId,
 * callback, traceId, deferredReply? }` or `{ error, message }`.
 */
let healthChecks = 0;
const requests: unknown[] = [];
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

async function body(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
}

const server = createServer(async (request, response) => {
  const json = (status: number, value: unknown) =>
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
  if (request.url === '/_demo/healthz') {
    healthChecks += 1;
    // Up at once, but the bot's gateway session comes a moment later.
    return json(200, {
      status: 'ok',
      botConnected: healthChecks >= 3,
      gatewaySessions: healthChecks >= 3 ? 1 : 0,
    });
  }
  const sent = await body(request);
  requests.push(sent);
  const options = sent.options as Record<string, string>;
  switch (options.name) {
    case 'Valheim':
      return json(200, {
        interactionId: '1',
        callback: { type: 4, data: { content: 'Added "Valheim"' } },
        traceId: TRACE_ID,
      });
    case 'slow':
      return json(200, {
        interactionId: '2',
        callback: { type: 5 },
        deferredReply: { content: 'Added "slow"' },
        traceId: null,
      });
    case 'refused':
      return json(200, {
        interactionId: '3',
        callback: { type: 4, data: { content: 'Discord refused', flags: 64 } },
        traceId: TRACE_ID,
        faultedCalls: 1,
      });
    default:
      return json(503, {
        error: 'bot_not_connected',
        message: 'no bot is connected to the gateway of the Discord double',
      });
  }
});
let baseUrl = '';

beforeAll(async () => {
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
});

test('waitForDemo waits for a connected bot, not just an answering double', async () => {
  await waitForDemo(baseUrl, 5_000);
  expect(healthChecks).toBe(3);
});

describe('sendInteraction', () => {
  test("the bot's words and the trace id of its callback", async () => {
    const answer = await sendInteraction(baseUrl, {
      command: 'role',
      subcommand: 'add',
      options: { name: 'Valheim' },
    });
    expect(answer).toEqual({ content: 'Added "Valheim"', traceId: TRACE_ID });
    // It asks the double to wait longer than its 5 s default for the bot's callback.
    expect(requests.at(-1)).toMatchObject({
      command: 'role',
      subcommand: 'add',
      timeoutMs: 30_000,
    });
  });

  test('after a deferral, the words of the follow-up; no traceparent, no trace id', async () => {
    const answer = await sendInteraction(baseUrl, {
      command: 'role',
      subcommand: 'add',
      options: { name: 'slow' },
    });
    expect(answer).toEqual({ content: 'Added "slow"' });
  });

  test('a fault goes to the double, and how many calls met it comes back', async () => {
    const answer = await sendInteraction(baseUrl, {
      command: 'role',
      subcommand: 'add',
      options: { name: 'refused' },
      fault: 'forbidden',
    });
    expect(requests.at(-1)).toMatchObject({ options: { name: 'refused' }, fault: 'forbidden' });
    expect(answer).toEqual({ content: 'Discord refused', traceId: TRACE_ID, faultedCalls: 1 });
  });

  test('an error answer becomes an error with its status and text', async () => {
    await expect(
      sendInteraction(baseUrl, { command: 'role', subcommand: 'add', options: { name: 'x' } }),
    ).rejects.toThrow(/answered 503: .*bot_not_connected/);
  });
});
