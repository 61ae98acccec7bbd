import { once } from 'node:events';
import { describe, expect, vi } from 'vitest';
import WebSocket from 'ws';
import { test as doubleTest } from './client-fixture.js';

interface Frame {
  op: number;
  t: string | null;
  s: number | null;
  d: unknown;
}

/** A raw gateway connection that collects frames, for protocol details discord.js hides. */
const test = doubleTest.extend<{ gateway: { socket: WebSocket; next(): Promise<Frame> } }>({
  gateway: async ({ double }, use) => {
    const socket = new WebSocket(`${double.gatewayUrl}?v=10&encoding=json`);
    const frames: Frame[] = [];
    const waiting: ((frame: Frame) => void)[] = [];
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as Frame;
      const waiter = waiting.shift();
      if (waiter) waiter(frame);
      else frames.push(frame);
    });
    await once(socket, 'open');
    const next = () => {
      const frame = frames.shift();
      return frame
        ? Promise.resolve(frame)
        : new Promise<Frame>((resolve) => waiting.push(resolve));
    };
    await use({ socket, next });
    socket.terminate();
  },
});

describe('the gateway of the Discord double', () => {
  test('says HELLO, acknowledges heartbeats, and sends READY then GUILD_CREATE on IDENTIFY', async ({
    double,
    gateway,
  }) => {
    expect(await gateway.next()).toEqual({
      op: 10,
      t: null,
      s: null,
      d: { heartbeat_interval: 41_250 },
    });
    gateway.socket.send(JSON.stringify({ op: 1, d: null }));
    expect((await gateway.next()).op).toBe(11);
    gateway.socket.send(
      JSON.stringify({ op: 2, d: { token: double.token, intents: 3, properties: {} } }),
    );
    const ready = await gateway.next();
    expect(ready).toMatchObject({ op: 0, t: 'READY', s: 1 });
    expect(ready.d).toMatchObject({
      application: { id: double.applicationId },
      user: { id: double.botUserId, bot: true },
      guilds: [{ id: double.guildId, unavailable: true }],
      resume_gateway_url: double.gatewayUrl,
    });
    const guild = await gateway.next();
    expect(guild).toMatchObject({ op: 0, t: 'GUILD_CREATE', s: 2, d: { id: double.guildId } });
    expect((guild.d as { members: unknown[] }).members).toHaveLength(double.fixture.members.length);
  });

  test('closes with 4004 on a wrong token', async ({ gateway }) => {
    await gateway.next();
    const closed = once(gateway.socket, 'close');
    gateway.socket.send(JSON.stringify({ op: 2, d: { token: 'wrong' } }));
    const [code] = await closed;
    expect(code).toBe(4004);
  });

  test('closes with 4001 on an unknown opcode (saying so in one line) and 4002 on a frame it cannot decode', async ({
    double,
    gateway,
  }) => {
    await gateway.next();
    const closed = once(gateway.socket, 'close');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    gateway.socket.send(JSON.stringify({ op: 99 }));
    expect((await closed)[0]).toBe(4001);
    expect(warn.mock.calls).toEqual([['Discord double: unknown gateway opcode {"op":99}']]);
    warn.mockRestore();

    const other = new WebSocket(double.gatewayUrl);
    try {
      await once(other, 'open');
      const otherClosed = once(other, 'close');
      other.send('{not json');
      expect((await otherClosed)[0]).toBe(4002);
    } finally {
      other.terminate();
    }
  });

  test('answers RESUME with an invalid session so the client identifies again', async ({
    double,
    gateway,
  }) => {
    await gateway.next();
    gateway.socket.send(
      JSON.stringify({ op: 6, d: { token: double.token, session_id: 'x', seq: 3 } }),
    );
    expect(await gateway.next()).toMatchObject({ op: 9, d: false });
  });
});
