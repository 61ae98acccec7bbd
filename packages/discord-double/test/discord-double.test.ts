import {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  Events,
  type Interaction,
  MessageFlags,
} from 'discord.js';
import { describe, expect } from 'vitest';
import { test } from './client-fixture.js';

function nextInteraction(client: import('discord.js').Client): Promise<Interaction> {
  return new Promise((resolve) => client.once(Events.InteractionCreate, resolve));
}

describe('a real discord.js client against the Discord double', () => {
  test('reaches Ready with the guild, its roles and members cached', async ({ client, double }) => {
    const guild = client.guilds.cache.get(double.guildId);
    expect(guild?.name).toBe('Test Guild');
    expect(guild?.roles.cache.size).toBe(double.fixture.roles.length);
    expect(guild?.members.cache.size).toBe(double.fixture.members.length);
    expect(guild?.members.me?.id).toBe(double.botUserId);
    expect(guild?.ownerId).toBe(double.fixture.ownerId);
    expect(client.application.id).toBe(double.applicationId);
    // Login costs exactly one REST call: the gateway URL.
    expect(double.calls.map((c) => `${c.method} ${c.path}`)).toEqual(['GET /api/v10/gateway/bot']);
    expect(double.calls[0]?.headers.authorization).toBe(`Bot ${double.token}`);
  });

  test('answers member requests over the gateway and over REST', async ({ client, double }) => {
    const guild = client.guilds.cache.get(double.guildId);
    if (!guild) throw new Error('no guild');
    // Without an id, discord.js asks the gateway (op 8) and waits for GUILD_MEMBERS_CHUNK.
    const all = await guild.members.fetch();
    expect(all.size).toBe(double.fixture.members.length);
    const owner = await guild.members.fetch({ user: double.fixture.ownerId, force: true });
    expect(owner.user.username).toBe('owner');
    expect(double.calls.at(-1)).toMatchObject({
      method: 'GET',
      path: `/api/v10/guilds/${guild.id}/members/${double.fixture.ownerId}`,
      status: 200,
    });
  });

  test('delivers a slash command and records the reply at the callback route', async ({
    client,
    double,
  }) => {
    const seen = nextInteraction(client);
    client.on(Events.InteractionCreate, async (interaction) => {
      if (interaction.isChatInputCommand()) {
        await interaction.reply({
          content: `got ${interaction.options.getString('name')}`,
          allowedMentions: { parse: [] },
          flags: MessageFlags.Ephemeral,
        });
      }
    });
    const result = await double.sendInteraction({
      command: 'role',
      subcommand: 'add',
      options: { name: 'Valheim' },
    });
    const interaction = await seen;
    expect(interaction).toBeInstanceOf(ChatInputCommandInteraction);
    const command = interaction as ChatInputCommandInteraction;
    expect(command.commandName).toBe('role');
    expect(command.options.getSubcommand()).toBe('add');
    expect(command.user.id).toBe(double.defaultUserId);
    expect(command.guildId).toBe(double.guildId);
    expect(command.channelId).toBe(double.fixture.channel.id);
    expect(result.callback).toEqual({
      type: 4,
      data: {
        content: 'got Valheim',
        allowed_mentions: { parse: [] },
        flags: MessageFlags.Ephemeral,
        tts: false,
        enforce_nonce: false,
      },
    });
    expect(result.traceId).toBeNull();
    const callback = double.calls.find((c) => c.path.endsWith('/callback'));
    expect(callback?.path).toBe(
      `/api/v10/interactions/${result.interactionId}/${callback?.path.split('/')[5]}/callback`,
    );
    expect(callback?.query).toBe('with_response=false');
    expect(callback?.status).toBe(204);
    expect(callback?.body).toEqual(result.callback);
    expect(callback?.headers.authorization).toBeUndefined();
  });

  test('delivers an autocomplete keystroke with the focused option', async ({ client, double }) => {
    const seen = nextInteraction(client);
    client.on(Events.InteractionCreate, async (interaction) => {
      if (interaction.isAutocomplete()) {
        const typed = interaction.options.getFocused();
        await interaction.respond([{ name: `${typed}heim`, value: `${typed}heim` }]);
      }
    });
    const result = await double.sendInteraction({
      command: 'role',
      subcommand: 'add',
      options: { name: 'Val' },
      autocomplete: true,
      focused: 'name',
    });
    expect(await seen).toBeInstanceOf(AutocompleteInteraction);
    expect(result.callback).toEqual({
      type: 8,
      data: { choices: [{ name: 'Valheim', value: 'Valheim' }] },
    });
  });
});
