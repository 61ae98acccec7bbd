import { Client, Events, GatewayIntentBits } from 'discord.js';
import { test as base } from 'vitest';
import {
  type DiscordDouble,
  type DiscordDoubleOptions,
  startDiscordDouble,
} from '../../src/demo/index.js';

/** A double without injected failures, and a real discord.js client logged in to it. */
export interface DoubleContext {
  doubleOptions: DiscordDoubleOptions;
  double: DiscordDouble;
  client: Client<true>;
}

export const test = base.extend<DoubleContext>({
  doubleOptions: [{ failures: false }, { injected: true }],
  double: async ({ doubleOptions }, use) => {
    const double = await startDiscordDouble(doubleOptions);
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
