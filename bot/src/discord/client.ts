import { Client, GatewayIntentBits } from 'discord.js';

/**
 * The discord.js client. `apiUrl` is the REST base (Discord's, the demo's double, or any
 * Discord-compatible proxy); the gateway URL comes from that API, so one setting moves both.
 */
export function createDiscordClient(apiUrl: string): Client {
  return new Client({
    // GuildMembers (privileged: enable "Server Members Intent" for the application) keeps
    // every member cached, which `/role list` and the members-per-role gauge count from.
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMembers],
    rest: { api: apiUrl },
    // As many gateway shards as Discord recommends (it requires them past 2,500 guilds), all
    // in this process. Under a ShardingManager the SHARDS/SHARD_COUNT it sets win over this.
    shards: 'auto',
    // A default for anything that bypasses sendReply: nothing the bot sends pings by accident.
    allowedMentions: { parse: [] },
  });
}
