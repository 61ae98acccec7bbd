import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'discord.js';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  type InMemoryTelemetry,
  metricNamed,
  startInMemoryTelemetry,
} from '../../../harness/bot/in-memory-telemetry.js';
import { ATTR } from '../../src/contract/attributes.js';
import { METRICS } from '../../src/contract/bot-metrics.js';
import { watchDiscordClient } from '../../src/runtime/discord-client-metrics.js';

const GUILD = '111111111111111111';
const VALHEIM = '222222222222222222';
const FACTORIO = '333333333333333333';

let otel: InMemoryTelemetry;
let discord: Server;
let client: Client;
let stopWatching: () => void;

beforeAll(async () => {
  otel = startInMemoryTelemetry();
  // Discord's REST API on loopback: role lists fail with 500; member lookups succeed but
  // spend the bucket, so the next one is queued by discord.js (a rate limit).
  discord = createServer((request, response) => {
    if (request.url?.endsWith('/roles')) {
      response.writeHead(500, { 'content-type': 'application/json' }).end('{"message":"oops"}');
      return;
    }
    response
      .writeHead(200, {
        'content-type': 'application/json',
        'x-ratelimit-limit': '1',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset-after': '0.2',
        'x-ratelimit-bucket': 'members',
      })
      .end('{}');
  });
  await new Promise<void>((resolve) => discord.listen(0, '127.0.0.1', resolve));
  const port = (discord.address() as AddressInfo).port;
  client = new Client({ intents: [], rest: { api: `http://127.0.0.1:${port}/api`, retries: 0 } });
  client.rest.setToken('test-token');
  stopWatching = watchDiscordClient(client, {
    manageableRoles: (guild) =>
      guild.roles.cache
        .filter((role) => role.id !== guild.id)
        .map(({ id, name }) => ({ id, name })),
  });
});

afterAll(async () => {
  stopWatching();
  await client.destroy();
  await otel.stop();
  await new Promise((resolve) => discord.close(resolve));
});

test('a failed REST call is counted by route class and status, without ids', async () => {
  await expect(client.rest.get(`/guilds/${GUILD}/roles`)).rejects.toThrow();
  const errors = metricNamed(await otel.collect(), METRICS.discordApiErrors.name);
  expect(errors.dataPoints.map((point) => [point.attributes, point.value])).toEqual([
    [{ [ATTR.route]: '/guilds/:id/roles', [ATTR.status]: 500 }, 1],
  ]);
});

test('a call queued behind an exhausted bucket counts as a rate limit of its route class', async () => {
  // The first answer names the bucket; from the second on, discord.js knows it is empty.
  for (const member of [VALHEIM, FACTORIO, VALHEIM]) {
    await client.rest.get(`/guilds/${GUILD}/members/${member}`);
  }
  const limits = metricNamed(await otel.collect(), METRICS.discordRateLimits.name);
  expect(limits.dataPoints.map((point) => [point.attributes, point.value])).toEqual([
    [{ [ATTR.route]: '/guilds/:id/members/:id' }, 1],
  ]);
});

test('members per manageable role are observed from the client cache', async () => {
  const member = (id: string, roles: string[]) => ({
    user: { id, username: `user${id}`, discriminator: '0' },
    roles,
    joined_at: '2020-01-01T00:00:00.000Z',
  });
  const role = (id: string, name: string) => ({
    id,
    name,
    color: 0x206694,
    position: 1,
    permissions: '0',
    managed: false,
    hoist: false,
    mentionable: false,
  });
  // The cache as a GUILD_CREATE would fill it (discord.js's own internal entry point).
  (client.guilds as unknown as { _add(data: unknown): unknown })._add({
    id: GUILD,
    name: 'Test guild',
    roles: [role(GUILD, '@everyone'), role(VALHEIM, 'Valheim'), role(FACTORIO, 'Factorio')],
    members: [
      member('444444444444444441', [VALHEIM]),
      member('444444444444444442', [VALHEIM, FACTORIO]),
      member('444444444444444443', []),
    ],
  });
  const members = metricNamed(await otel.collect(), METRICS.roleMembers.name);
  const byRole = Object.fromEntries(
    members.dataPoints.map((point) => [point.attributes[ATTR.role], point.value]),
  );
  expect(byRole).toEqual({ Valheim: 2, Factorio: 1 });
});

test('no gateway ping is reported before the gateway has answered a heartbeat', async () => {
  const all = await otel.collect();
  const ping = all.find((metric) => metric.descriptor.name === METRICS.gatewayPing.name);
  expect(ping?.dataPoints ?? []).toEqual([]);
});

test('the gateway ping is reported in seconds per shard, once that shard has measured it', async () => {
  // Stand in for two shards of one process: shard 0's heartbeat was acknowledged after
  // 42 ms, shard 1 has not had an answer yet.
  const shards = client.ws.shards as unknown as Map<number, { id: number; ping: number }>;
  shards.set(0, { id: 0, ping: 42 });
  shards.set(1, { id: 1, ping: -1 });
  try {
    const ping = metricNamed(await otel.collect(), METRICS.gatewayPing.name);
    expect(ping.descriptor.unit).toBe('s');
    expect(ping.dataPoints.map((point) => [point.attributes, point.value])).toEqual([
      [{ [ATTR.shard]: 0 }, 0.042],
    ]);
  } finally {
    shards.delete(0);
    shards.delete(1);
  }
});
