import type { Client } from 'discord.js';
import { afterEach, expect, test } from 'vitest';
import { createDiscordClient } from '../../src/discord/client.js';

let client: Client | undefined;
afterEach(async () => {
  await client?.destroy();
});

test('the client opens as many gateway shards as Discord recommends (required past 2,500 guilds)', () => {
  client = createDiscordClient('http://127.0.0.1:9/api');
  expect(client.options.shards).toBe('auto');
});
