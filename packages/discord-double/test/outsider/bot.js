// A small discord.js bot as its author would write it, knowing nothing of the double: the
// outsider test (../outsider.test.ts) installs the packed package beside discord.js from the
// registry in a project of its own and runs bot.test.js there with `node --test`.
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
} from 'discord.js';

/** The bot's client, talking to the Discord API at `api` (Discord's own by default). */
export function createBot({ api } = {}) {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMembers],
    ...(api === undefined ? {} : { rest: { api } }),
  });
  client.on(Events.InteractionCreate, (interaction) => {
    handle(interaction).catch((error) => console.error('interaction failed:', error));
  });
  return client;
}

async function handle(interaction) {
  if (interaction.isAutocomplete()) {
    const typed = interaction.options.getFocused().toLowerCase();
    const roles = interaction.guild.roles.cache.filter(
      (role) => role.editable && role.name.toLowerCase().startsWith(typed),
    );
    await interaction.respond(
      roles.first(25).map((role) => ({ name: role.name, value: role.name })),
    );
    return;
  }
  if (interaction.isButton() && interaction.customId === 'raid-join') {
    await interaction.update({
      content: `${interaction.user.username} joins the raid`,
      components: [],
    });
    return;
  }
  if (!interaction.isChatInputCommand()) return;
  switch (interaction.commandName) {
    case 'greet': {
      const name = interaction.options.getString('name', true);
      const times = interaction.options.getInteger('times') ?? 1;
      await interaction.reply(Array.from({ length: times }, () => `Hello, ${name}!`).join(' '));
      return;
    }
    case 'whois': {
      const member = interaction.options.getMember('user');
      await interaction.reply(
        `${member.user.username} joined on ${member.joinedAt.toISOString().slice(0, 10)}`,
      );
      return;
    }
    case 'raid': {
      const join = new ButtonBuilder()
        .setCustomId('raid-join')
        .setLabel('Join')
        .setStyle(ButtonStyle.Primary);
      await interaction.reply({
        content: 'Raid at nine',
        components: [new ActionRowBuilder().addComponents(join)],
      });
      return;
    }
    case 'report': {
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const members = await interaction.guild.members.fetch();
      await interaction.editReply(`${members.size} members`);
      return;
    }
    case 'role-me': {
      const name = interaction.options.getString('role', true);
      const role = interaction.guild.roles.cache.find((r) => r.name === name);
      if (role === undefined) {
        await interaction.reply({
          content: `No role named ${name}`,
          flags: MessageFlags.Ephemeral,
        });
        return;
      }
      try {
        await interaction.guild.members.addRole({ user: interaction.user.id, role: role.id });
        await interaction.reply(`You now have ${role.name}`);
      } catch (error) {
        await interaction.reply({
          content: `Discord refused (${error.code}): ${error.message}`,
          flags: MessageFlags.Ephemeral,
        });
      }
      return;
    }
  }
}
