import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonInteraction,
  ButtonStyle,
  type Client,
  Events,
  type Interaction,
  LabelBuilder,
  MessageFlags,
  ModalBuilder,
  ModalSubmitInteraction,
  StringSelectMenuBuilder,
  StringSelectMenuInteraction,
  type TextChannel,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { describe, expect } from 'vitest';
import { memberId, test } from './client-fixture.js';

const voteRow = () =>
  new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId('vote-yes').setLabel('Yes').setStyle(ButtonStyle.Success),
    new ButtonBuilder().setCustomId('vote-no').setLabel('No').setStyle(ButtonStyle.Danger),
  );

const gameMenu = () =>
  new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(
    new StringSelectMenuBuilder()
      .setCustomId('game')
      .setMaxValues(2)
      .addOptions(
        { label: 'Valheim', value: 'valheim' },
        { label: 'Factorio', value: 'factorio' },
        { label: 'Terraria', value: 'terraria' },
      ),
  );

/** The interactions the client received, for the type and fields discord.js made of them. */
function received(client: Client): Interaction[] {
  const seen: Interaction[] = [];
  client.on(Events.InteractionCreate, (interaction) => seen.push(interaction));
  return seen;
}

describe('buttons through the real discord.js client', () => {
  test('a click on a button of a reply reaches the bot as a ButtonInteraction; its update replaces the message', async ({
    client,
    double,
  }) => {
    const seen = received(client);
    client.on(Events.InteractionCreate, async (interaction) => {
      if (interaction.isChatInputCommand()) {
        await interaction.reply({ content: 'Raid tonight?', components: [voteRow()] });
      } else if (interaction.isButton()) {
        await interaction.update({
          content: `${interaction.user.username} voted ${interaction.customId}`,
          components: [],
        });
      }
    });
    await double.sendInteraction({ command: 'poll' });
    const bob = memberId(double, 'bob');

    const click = await double.sendInteraction({ button: 'vote-yes', userId: bob });

    const button = seen[1] as ButtonInteraction;
    expect(button).toBeInstanceOf(ButtonInteraction);
    expect([button.customId, button.user.id, button.message.content]).toEqual([
      'vote-yes',
      bob,
      'Raid tonight?',
    ]);
    expect(click.callback).toMatchObject({
      type: 7,
      data: { content: 'bob voted vote-yes', components: [] },
    });
    // The update took the buttons away: nobody can click them now.
    await expect(double.sendInteraction({ button: 'vote-no' })).rejects.toThrow(
      'no message that member',
    );
  });

  test('a deferred update and the edit that follows change the message the button is on', async ({
    client,
    double,
  }) => {
    const channel = client.channels.cache.get(double.fixture.channel.id) as TextChannel;
    const sent = await channel.send({ content: 'Raid tonight?', components: [voteRow()] });
    client.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isButton()) return;
      await interaction.deferUpdate();
      await interaction.editReply({ content: 'Raid confirmed', components: [] });
    });

    const click = await double.sendInteraction({ button: 'vote-yes' });

    expect(click.callback).toMatchObject({ type: 6 });
    expect(click.deferredReply).toMatchObject({ content: 'Raid confirmed' });
    expect(double.channelMessages()).toMatchObject([
      { id: sent.id, content: 'Raid confirmed', components: [] },
    ]);
  });

  test('a button on an ephemeral reply is for the member who got it alone', async ({
    client,
    double,
  }) => {
    client.on(Events.InteractionCreate, async (interaction) => {
      if (interaction.isChatInputCommand()) {
        await interaction.reply({ components: [voteRow()], flags: MessageFlags.Ephemeral });
      } else if (interaction.isButton()) {
        await interaction.reply({ content: 'counted', flags: MessageFlags.Ephemeral });
      }
    });
    const alice = memberId(double, 'alice');
    await double.sendInteraction({ command: 'poll', userId: alice });

    await expect(
      double.sendInteraction({ button: 'vote-yes', userId: memberId(double, 'bob') }),
    ).rejects.toThrow(
      /no message that member \d+ can see carries a button with custom_id 'vote-yes'/,
    );
    const click = await double.sendInteraction({ button: 'vote-yes', userId: alice });
    expect(click.callback).toMatchObject({ type: 4, data: { content: 'counted' } });
  });
});

describe('select menus through the real discord.js client', () => {
  test('a pick reaches the bot as a StringSelectMenuInteraction with its values', async ({
    client,
    double,
  }) => {
    const seen = received(client);
    const channel = client.channels.cache.get(double.fixture.channel.id) as TextChannel;
    await channel.send({ content: 'Pick your games', components: [gameMenu()] });
    client.on(Events.InteractionCreate, async (interaction) => {
      if (interaction.isStringSelectMenu()) {
        await interaction.reply({
          content: `picked ${interaction.values.join(' and ')}`,
          flags: MessageFlags.Ephemeral,
        });
      }
    });

    const pick = await double.sendInteraction({ select: 'game', values: ['valheim', 'factorio'] });

    expect(seen[0]).toBeInstanceOf(StringSelectMenuInteraction);
    expect(pick.callback).toMatchObject({
      type: 4,
      data: { content: 'picked valheim and factorio', flags: MessageFlags.Ephemeral },
    });
  });

  test.for([
    [['minecraft'], "select 'game' offers no option 'minecraft'"],
    [['valheim', 'factorio', 'terraria'], "select 'game' takes 1 to 2 values, not 3"],
  ] as const)('refuses values %j: %s', async ([values, message], { client, double }) => {
    const channel = client.channels.cache.get(double.fixture.channel.id) as TextChannel;
    await channel.send({ components: [gameMenu()] });
    await expect(double.sendInteraction({ select: 'game', values })).rejects.toThrow(message);
  });
});

describe('modals through the real discord.js client', () => {
  const feedbackModal = () =>
    new ModalBuilder()
      .setCustomId('feedback')
      .setTitle('Feedback')
      .addComponents(
        new ActionRowBuilder<TextInputBuilder>().addComponents(
          new TextInputBuilder()
            .setCustomId('topic')
            .setLabel('Topic')
            .setStyle(TextInputStyle.Short),
        ),
      )
      .addLabelComponents(
        new LabelBuilder()
          .setLabel('Details')
          .setTextInputComponent(
            new TextInputBuilder().setCustomId('details').setStyle(TextInputStyle.Paragraph),
          ),
      );

  test('a modal the bot shows is submitted with what the member typed, once', async ({
    client,
    double,
  }) => {
    const seen = received(client);
    client.on(Events.InteractionCreate, async (interaction) => {
      if (interaction.isChatInputCommand()) {
        await interaction.showModal(feedbackModal());
      } else if (interaction.isModalSubmit()) {
        const topic = interaction.fields.getTextInputValue('topic');
        const details = interaction.fields.getTextInputValue('details');
        await interaction.reply({ content: `thanks for "${topic}": ${details}` });
      }
    });

    const shown = await double.sendInteraction({ command: 'feedback' });
    expect(shown.callback).toMatchObject({
      type: 9,
      data: { custom_id: 'feedback', title: 'Feedback' },
    });

    const submitted = await double.sendInteraction({
      modal: 'feedback',
      fields: { topic: 'Dashboards', details: 'More panels' },
    });
    expect(seen[1]).toBeInstanceOf(ModalSubmitInteraction);
    expect(submitted.callback).toMatchObject({
      type: 4,
      data: { content: 'thanks for "Dashboards": More panels' },
    });
    await expect(
      double.sendInteraction({ modal: 'feedback', fields: { topic: 'a', details: 'b' } }),
    ).rejects.toThrow("no modal 'feedback'");
  });

  test("a modal opened from a button can update that button's message; unknown inputs and empty required ones are refused, and it stays open", async ({
    client,
    double,
  }) => {
    const channel = client.channels.cache.get(double.fixture.channel.id) as TextChannel;
    const sent = await channel.send({ content: 'Tell us', components: [voteRow()] });
    client.on(Events.InteractionCreate, async (interaction) => {
      if (interaction.isButton()) await interaction.showModal(feedbackModal());
      else if (interaction.isModalSubmit() && interaction.isFromMessage()) {
        await interaction.update({
          content: `noted: ${interaction.fields.getTextInputValue('topic')}`,
          components: [],
        });
      }
    });
    await double.sendInteraction({ button: 'vote-no' });
    await expect(
      double.sendInteraction({ modal: 'feedback', fields: { colour: 'red' } }),
    ).rejects.toThrow("modal 'feedback' has no input 'colour'");
    await expect(
      double.sendInteraction({ modal: 'feedback', fields: { topic: 'Raids' } }),
    ).rejects.toThrow("modal 'feedback' needs 'details' (required)");

    const submitted = await double.sendInteraction({
      modal: 'feedback',
      fields: { topic: 'Raids', details: 'Fridays' },
    });

    expect(submitted.callback).toMatchObject({ type: 7 });
    expect(double.channelMessages()).toMatchObject([{ id: sent.id, content: 'noted: Raids' }]);
  });
});
