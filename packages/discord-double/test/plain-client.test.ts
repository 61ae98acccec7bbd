import { Client, Events, GatewayIntentBits, MessageFlags } from 'discord.js';
import { expect, test } from 'vitest';
import { startDiscordDouble } from '../src/index.js';

// What the README shows a bot's test doing, with nothing but discord.js and the package.
test('GIVEN a plain discord.js client WHEN it logs in to the double and a member runs /ping THEN the reply reaches the double', async () => {
  const double = await startDiscordDouble({ failures: false });
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: double.apiUrl } });
  try {
    client.on(Events.InteractionCreate, async (interaction) => {
      if (interaction.isChatInputCommand() && interaction.commandName === 'ping') {
        await interaction.reply({ content: 'pong', flags: MessageFlags.Ephemeral });
      }
    });
    const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
    await client.login(double.token);
    await ready;
    expect(client.guilds.cache.get(double.guildId)?.name).toBe('Test Guild');

    const { callback } = await double.sendInteraction({ command: 'ping' });
    expect(callback).toMatchObject({
      type: 4,
      data: { content: 'pong', flags: MessageFlags.Ephemeral },
    });
  } finally {
    await client.destroy();
    await double.close();
  }
});
