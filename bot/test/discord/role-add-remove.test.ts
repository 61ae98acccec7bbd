import { DISCORD_ERRORS } from '@roboshpee/discord-double';
import { describe, expect } from 'vitest';
import { isInteractionLine } from '../../../harness/bot/interaction-line.js';
import { addRoleToNewcomer, memberWhere, replyOf, roleId, test } from './bot-fixture.js';

const EPHEMERAL = 64;

describe('/role add and /role remove through discord.js and the Discord double', () => {
  test('GIVEN a member without Valheim WHEN /role add Valheim THEN PUT on the member role and a mention-free reply', async ({
    discord: { double, logs },
  }) => {
    const { role: valheim, userId, result } = await addRoleToNewcomer(double, 'Valheim');

    expect(replyOf(result.callback)).toEqual({
      type: 4,
      content: 'Added "Valheim"',
      flags: undefined,
      allowed_mentions: { parse: [] },
    });
    // Exactly two calls: the role change (bot auth), then the interaction callback (none).
    const [change, callback, ...more] = double.calls;
    expect(more).toEqual([]);
    expect(`${change?.method} ${change?.path} ${change?.status}`).toBe(
      `PUT /api/v10/guilds/${double.guildId}/members/${userId}/roles/${valheim} 204`,
    );
    expect(change?.headers.authorization).toBe(`Bot ${double.token}`);
    expect(callback?.method).toBe('POST');
    expect(callback?.path).toMatch(
      new RegExp(`^/api/v10/interactions/${result.interactionId}/[\\w-]+/callback$`),
    );
    expect(callback?.headers.authorization).toBeUndefined();
    expect(double.guild.member(userId)?.roles).toContain(valheim);
    const username = double.guild.member(userId)?.user.username;
    await expect
      .poll(() => logs.map((record) => record.msg))
      .toContain(`Added role 'Valheim' to user '${username}'`);
  });

  test('GIVEN a member with Valheim WHEN /role remove valheim (any case) THEN DELETE on the member role', async ({
    discord: { double },
  }) => {
    const valheim = roleId(double, 'Valheim');
    const userId = memberWhere(double, (roles) => roles.includes(valheim));

    const result = await double.sendInteraction({
      command: 'role',
      subcommand: 'remove',
      options: { name: 'valheim' },
      userId,
    });

    expect(replyOf(result.callback)).toEqual({
      type: 4,
      content: 'Removed "Valheim"',
      flags: undefined,
      allowed_mentions: { parse: [] },
    });
    expect(double.calls.map((call) => `${call.method} ${call.path}`)).toContain(
      `DELETE /api/v10/guilds/${double.guildId}/members/${userId}/roles/${valheim}`,
    );
    expect(double.guild.member(userId)?.roles).not.toContain(valheim);
  });

  test('GIVEN the role deleted between lookup and change (Discord 10011) WHEN /role add valheim THEN the unknown-role message with the typed name, outcome rejected', async ({
    discord: { double, logs },
  }) => {
    double.failNext({ kind: 'discord-error', error: DISCORD_ERRORS.unknownRole });

    const { result } = await addRoleToNewcomer(double, 'Valheim', { typed: 'valheim' });

    expect(replyOf(result.callback)).toEqual({
      type: 4,
      content: "The role 'valheim' does not exist or cannot be managed.",
      flags: EPHEMERAL,
      allowed_mentions: { parse: [] },
    });
    expect(double.calls.filter((call) => call.method === 'PUT').map((call) => call.status)).toEqual(
      [404],
    );
    await expect
      .poll(() => logs.find(isInteractionLine))
      .toMatchObject({ command: '/role add', outcome: 'rejected' });
    expect(logs.filter((record) => record.msg === 'command failed')).toEqual([]);
  });

  interface Refusal {
    readonly why: string;
    readonly subcommand: 'add' | 'remove';
    readonly name: string;
    /** Who asks: a member who has Valheim, one who does not, or (unset) anyone. */
    readonly holdsValheim?: boolean;
    readonly content: string;
  }

  const refusals: readonly Refusal[] = [
    {
      why: 'a member who has the role',
      subcommand: 'add',
      name: 'Valheim',
      holdsValheim: true,
      content: 'You already have "Valheim".',
    },
    {
      why: 'a member without the role',
      subcommand: 'remove',
      name: 'Valheim',
      holdsValheim: false,
      content: 'You don\'t have "Valheim".',
    },
    {
      why: 'an unknown role',
      subcommand: 'add',
      name: 'Elden Ring',
      content: "The role 'Elden Ring' does not exist or cannot be managed.",
    },
    {
      why: 'a role above the bot',
      subcommand: 'add',
      name: 'Star Citizen',
      content: "The role 'Star Citizen' does not exist or cannot be managed.",
    },
    {
      why: 'a managed role',
      subcommand: 'add',
      name: 'Twitch Subscriber',
      content: "The role 'Twitch Subscriber' does not exist or cannot be managed.",
    },
    {
      why: 'a non-game role',
      subcommand: 'add',
      name: 'Moderator',
      content: "The role 'Moderator' does not exist or cannot be managed.",
    },
    {
      why: '@everyone',
      subcommand: 'add',
      name: '@everyone',
      content: "The role '@everyone' does not exist or cannot be managed.",
    },
    {
      why: 'a zero-width variant',
      subcommand: 'add',
      name: 'Val\u200Bheim',
      content: "The role 'Val\u200Bheim' does not exist or cannot be managed.",
    },
    {
      why: 'a 1,000-character name',
      subcommand: 'add',
      name: 'V'.repeat(1000),
      content: `The role '${'V'.repeat(100)}…' does not exist or cannot be managed.`,
    },
  ];

  test.for(refusals)(
    'GIVEN $why WHEN /role $subcommand THEN an ephemeral refusal and no role call',
    async ({ subcommand, name, holdsValheim, content }, { discord: { double } }) => {
      const valheim = roleId(double, 'Valheim');
      const userId =
        holdsValheim === undefined
          ? undefined
          : memberWhere(double, (roles) => roles.includes(valheim) === holdsValheim);
      const result = await double.sendInteraction({
        command: 'role',
        subcommand,
        options: { name },
        userId,
      });
      expect(replyOf(result.callback)).toEqual({
        type: 4,
        content,
        flags: EPHEMERAL,
        allowed_mentions: { parse: [] },
      });
      expect(double.calls.filter((call) => call.path.includes('/members/'))).toEqual([]);
    },
  );
});
