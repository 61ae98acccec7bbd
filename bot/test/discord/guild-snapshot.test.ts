import { expect, vi } from 'vitest';
import { snapshotGuild } from '../../src/discord/guild-snapshot.js';
import { GAME_COLOR, test } from './bot-fixture.js';

test('GIVEN roles sharing a raw position THEN the snapshot ranks every role as discord.js does', async ({
  discord,
}) => {
  const { double, client } = discord;
  const guild = client.guilds.cache.get(double.guildId);
  if (guild === undefined) throw new Error('the bot has not cached the demo guild');
  // Discord allows equal raw positions; the older role (smaller id) then ranks higher.
  const [lower, upper] = double.guild.roles().filter((role) => role.id !== double.guildId);
  if (lower === undefined || upper === undefined) throw new Error('the demo guild has no roles');
  lower.position = upper.position;
  double.guild.announceRoles([lower]);
  await vi.waitFor(() => expect(guild.roles.cache.get(lower.id)?.rawPosition).toBe(upper.position));

  const snapshot = snapshotGuild(guild, GAME_COLOR);

  expect(new Map(snapshot.roles.map((role) => [role.id, role.position]))).toEqual(
    new Map(guild.roles.cache.map((role) => [role.id, role.position])),
  );
  const botTop = guild.members.me?.roles.highest.position ?? 0;
  expect(snapshot.manageable.every((role) => role.position < botTop)).toBe(true);
  expect(snapshot.manageable.length).toBeGreaterThan(0);
});
