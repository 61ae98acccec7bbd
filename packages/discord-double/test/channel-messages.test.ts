import { type DiscordAPIError, Events, type Message, type TextChannel } from 'discord.js';
import { describe, expect, vi } from 'vitest';
import { test } from './client-fixture.js';

function channelOf(client: import('discord.js').Client, id: string): TextChannel {
  const channel = client.channels.cache.get(id);
  if (channel === undefined || !channel.isTextBased()) throw new Error('no text channel');
  return channel as TextChannel;
}

describe('channel messages through the real discord.js client', () => {
  test('a message sent, edited and deleted is recorded, kept as Discord would, and announced', async ({
    client,
    double,
  }) => {
    const channel = channelOf(client, double.fixture.channel.id);
    const created: Message[] = [];
    const updated: Message[] = [];
    const deleted: string[] = [];
    client.on(Events.MessageCreate, (message) => created.push(message));
    client.on(Events.MessageUpdate, (_old, message) => updated.push(message as Message));
    client.on(Events.MessageDelete, (message) => deleted.push(message.id));

    const sent = await channel.send({ content: 'Raid at nine', allowedMentions: { parse: [] } });
    expect(sent.author.id).toBe(double.botUserId);
    expect(sent.content).toBe('Raid at nine');
    expect(double.channelMessages()).toMatchObject([{ id: sent.id, content: 'Raid at nine' }]);

    const edited = await sent.edit('Raid at ten');
    expect(edited.content).toBe('Raid at ten');
    expect(edited.editedTimestamp).not.toBeNull();
    expect(double.channelMessages()).toMatchObject([{ id: sent.id, content: 'Raid at ten' }]);

    await sent.delete();
    expect(double.channelMessages()).toEqual([]);
    expect(double.calls.map((c) => `${c.method} ${c.status}`).slice(-3)).toEqual([
      'POST 200',
      'PATCH 200',
      'DELETE 204',
    ]);
    // MESSAGE_CREATE, MESSAGE_UPDATE and MESSAGE_DELETE reach the client's listeners.
    await vi.waitFor(() => {
      expect(created.map((m) => m.id)).toEqual([sent.id]);
      expect(updated.map((m) => m.content)).toEqual(['Raid at ten']);
      expect(deleted).toEqual([sent.id]);
    });
  });

  test('fetching a message reads what the double holds; a deleted one is 10008', async ({
    client,
    double,
  }) => {
    const channel = channelOf(client, double.fixture.channel.id);
    const sent = await channel.send('hello');
    const fetched = await channel.messages.fetch({ message: sent.id, force: true });
    expect(fetched.content).toBe('hello');
    await sent.delete();
    const error = await channel.messages
      .fetch({ message: sent.id, force: true })
      .catch((e: unknown) => e);
    expect((error as DiscordAPIError).code).toBe(10008);
  });

  test.for([
    ['an empty message', {}, 50006],
    ['content over 2000 characters', { content: 'x'.repeat(2001) }, 50035],
  ] as const)('refuses %s with %i', async ([, body, code], { client, double }) => {
    const error = await client.rest
      .post(`/channels/${double.fixture.channel.id}/messages`, { body })
      .catch((e: unknown) => e);
    expect((error as DiscordAPIError).code).toBe(code);
    expect(double.channelMessages()).toEqual([]);
  });

  test('a channel the guild does not have is 10003', async ({ client }) => {
    const error = await client.rest
      .post('/channels/123456789012345678/messages', { body: { content: 'hi' } })
      .catch((e: unknown) => e);
    expect((error as DiscordAPIError).code).toBe(10003);
  });
});
