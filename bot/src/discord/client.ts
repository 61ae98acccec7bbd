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
    // A default for anything that bypasses sendReply: nothing the bot sends pings by accident.
    allowedMentions: { parse: [] },
  });
}
