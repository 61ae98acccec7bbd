import { Client, Events, GatewayIntentBits } from 'discord.js';
import { test as base } from 'vitest';
import { type DiscordDouble, type DiscordDoubleOptions, startDiscordDouble } from '../src/index.js';

/**
 * A double (recording, without injected failures) and a real discord.js client logged in
 * to it. `guild` says which guild (default: the package's); a bot's tests extend this
 * fixture with their own, and a test overrides `doubleOptions` for the rest.
 */
export interface DoubleContext {
  guild: Pick<DiscordDoubleOptions, 'fixture' | 'commands' | 'seed'>;
  doubleOptions: DiscordDoubleOptions;
  double: DiscordDouble;
  client: Client<true>;
}

export const test = base.extend<DoubleContext>({
  guild: [{}, { injected: true }],
  doubleOptions: [{ failures: false }, { injected: true }],
  double: async ({ guild, doubleOptions }, use) => {
    const double = await startDiscordDouble({ ...guild, recordCalls: true, ...doubleOptions });
    await use(double);
    await double.close();
  },
  client: async ({ double }, use) => {
    const client = new Client({
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMembers],
      rest: { api: double.apiUrl },
    });
    const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
    await client.login(double.token);
    await use(await ready);
    await client.destroy();
  },
});

/** A member's id by username, e.g. `bob` of the default guild (no roles). */
export function memberId(double: DiscordDouble, username: string): string {
  const member = double.guild.members().find((m) => m.user.username === username);
  if (member === undefined) throw new Error(`no member '${username}' in the double's guild`);
  return member.user.id;
}
