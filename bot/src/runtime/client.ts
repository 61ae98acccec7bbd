import { workerData } from 'node:worker_threads';
import { Client, GatewayIntentBits } from 'discord.js';

/** A ShardingManager in worker mode hands its child the shards in workerData. */
function workerShardsAssigned(): boolean {
  const source: unknown = workerData;
  return typeof source === 'object' && source !== null && 'SHARDS' in source;
}

/**
 * The discord.js client. `apiUrl` is the REST base (Discord's, the demo's double, or any
 * Discord-compatible proxy); the gateway URL comes from that API, so one setting moves both.
 * `shardsAssigned`: a ShardingManager in process mode set SHARDS (config/sections/discord.ts).
 */
export function createDiscordClient(apiUrl: string, shardsAssigned = false): Client {
  return new Client({
    // GuildMembers (privileged: enable "Server Members Intent" for the application) keeps
    // every member cached, which `/role list` and the members-per-role gauge count from.
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMembers],
    rest: { api: apiUrl },
    // As many gateway shards as Discord recommends (it requires them past 2,500 guilds), all
    // in this process. Under a ShardingManager, the shards it assigns (SHARDS, SHARD_COUNT):
    // discord.js reads them only while `shards` is left at its default.
    ...(shardsAssigned || workerShardsAssigned() ? {} : { shards: 'auto' as const }),
    // A default for anything that bypasses sendReply: nothing the bot sends pings by accident.
    allowedMentions: { parse: [] },
  });
}
