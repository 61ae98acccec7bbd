import { expect } from 'vitest';
import { replyOf, test } from './bot-fixture.js';

const DISCORD_EPOCH_MS = 1_420_070_400_000n;

test('GIVEN /age with a user THEN that user’s creation date from their id', async ({
  discord: { double },
}) => {
  const target = double.guild.members().find((m) => m.user.id !== double.defaultUserId)?.user;
  if (!target) throw new Error('demo guild has no second member');
  const created = new Date(Number((BigInt(target.id) >> 22n) + DISCORD_EPOCH_MS));
  const date = `${created.toISOString().slice(0, 10)} ${created.toISOString().slice(11, 19)} UTC`;

  const result = await double.sendInteraction({ command: 'age', options: { user: target.id } });

  expect(replyOf(result.callback)).toEqual({
    type: 4,
    content: `${target.global_name ?? target.username}'s account was created at ${date}`,
    flags: undefined,
    allowed_mentions: { parse: [] },
  });
});

test('GIVEN /age without a user THEN the caller’s own account', async ({ discord: { double } }) => {
  const caller = double.guild.member(double.defaultUserId)?.user;
  const result = await double.sendInteraction({ command: 'age' });
  expect(String(replyOf(result.callback).content)).toMatch(
    new RegExp(
      `^${caller?.global_name ?? caller?.username}'s account was created at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC$`,
    ),
  );
});

test('GIVEN /help THEN every command with its arguments, privately', async ({
  discord: { double },
}) => {
  const result = await double.sendInteraction({ command: 'help' });
  const reply = replyOf(result.callback);
  expect(reply.flags).toBe(64);
  expect(String(reply.content).split('\n')).toEqual([
    'RoboShpee commands:',
    '`/role add <name>`: Give yourself a game role',
    '`/role remove <name>`: Take a game role off yourself',
    '`/role list`: Show the game roles and how many members have each',
    '`/role create <name>`: Ask for a new game role (members with Manage Roles create it directly)',
    '`/age [user]`: Show when a Discord account was created',
    '`/help`: List what RoboShpee can do',
  ]);
});
