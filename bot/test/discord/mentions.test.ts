import { once } from 'node:events';
import { startDiscordDouble } from '@roboshpee/discord-double';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { describe, expect, test as plainTest } from 'vitest';
import { demoGuild } from '../../src/demo/index.js';
import { createDiscordClient } from '../../src/runtime/client.js';
import { replyOf, test } from './bot-fixture.js';

/**
 * Mentions are disabled in two layers: every reply sets them (sendReply, the one place that
 * lets the owner ping through a `/role create` request), and the client defaults to none for
 * anything sent some other way. Each layer is tested here with the other one absent.
 */
describe('replies disable mentions themselves, whatever the client defaults to', () => {
  const ROLE = '@everyone <@&1>';
  test.override({
    setup: {
      createClient: (api) =>
        new Client({
          intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMembers],
          rest: { api },
        }),
    },
  });

  test('GIVEN a game role named like @everyone WHEN added THEN the reply pings nobody', async ({
    discord: { double },
  }) => {
    double.guild.createRole({ name: ROLE, colors: { primary_color: 0x206694 } });
    await expect
      .poll(async () => {
        const result = await double.sendInteraction({
          command: 'role',
          subcommand: 'add',
          options: { name: ROLE },
        });
        return replyOf(result.callback);
      })
      .toEqual({
        type: 4,
        content: `Added "${ROLE}"`,
        flags: undefined,
        allowed_mentions: { parse: [] },
      });
  });
});

plainTest(
  'GIVEN a message sent without its own setting THEN the bot’s client pings nobody',
  async () => {
    const double = await startDiscordDouble({ ...demoGuild(), failures: false });
    const client = createDiscordClient(double.apiUrl);
    try {
      await Promise.all([once(client, Events.ClientReady), client.login(double.token)]);
      // Not through the bot's handlers: a reply that bypasses sendReply.
      client.on(Events.InteractionCreate, (interaction) => {
        if (interaction.isChatInputCommand()) void interaction.reply({ content: '@everyone' });
      });
      const result = await double.sendInteraction({ command: 'help' });
      expect(replyOf(result.callback)).toMatchObject({
        content: '@everyone',
        allowed_mentions: { parse: [] },
      });
    } finally {
      await client.destroy();
      await double.close();
    }
  },
);
