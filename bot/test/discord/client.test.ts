import type { Client } from 'discord.js';
import { afterEach, expect, test, vi } from 'vitest';
import { loadBotConfig } from '../../src/config/bot-config.js';
import { createDiscordClient } from '../../src/runtime/client.js';

let client: Client | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
  await client?.destroy();
});

test('the client opens as many gateway shards as Discord recommends (required past 2,500 guilds)', () => {
  client = createDiscordClient('http://127.0.0.1:9/api');
  expect(client.options.shards).toBe('auto');
});

test('under a ShardingManager the client takes the shards it was given, not all of them', () => {
  // What a ShardingManager sets for the child that runs shard 1 of 2 (discord.js reads it).
  vi.stubEnv('SHARDS', '1');
  vi.stubEnv('SHARD_COUNT', '2');
  client = createDiscordClient(
    'http://127.0.0.1:9/api',
    loadBotConfig({ SHARDS: '1' }).shardsAssigned,
  );
  expect(client.options.shards).toEqual([1]);
  expect(client.options.shardCount).toBe(2);
});
