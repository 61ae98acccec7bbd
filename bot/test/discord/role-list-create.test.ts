import { describe, expect } from 'vitest';
import { memberWhere, replyOf, roleId, test } from './bot-fixture.js';

const EPHEMERAL = 64;
const MANAGE_ROLES = 1n << 28n;

describe('/role list through discord.js and the Discord double', () => {
  test('GIVEN the demo guild THEN the game roles by name, with member counts and the caller’s marked, privately', async ({
    discord: { double },
  }) => {
    const caller = double.defaultUserId;
    const held = new Set(double.guild.member(caller)?.roles);
    // The double's own view: game colour, below the bot's top role, not managed.
    const expected = double.guild
      .roles()
      .filter(
        (r) => r.color === 0x206694 && !r.managed && r.position < double.guild.botTopPosition(),
      )
      .map((r) => r.name)
      .sort((a, b) => a.localeCompare(b, 'en'));
    const countOf = (name: string) => {
      const id = roleId(double, name);
      return double.guild.members().filter((m) => m.roles.includes(id)).length;
    };

    const result = await double.sendInteraction({
      command: 'role',
      subcommand: 'list',
      userId: caller,
    });

    const reply = replyOf(result.callback);
    expect(reply).toMatchObject({ type: 4, flags: EPHEMERAL, allowed_mentions: { parse: [] } });
    const lines = String(reply.content).split('\n');
    expect(lines[0]).toBe('Roles:');
    expect(lines.slice(1)).toEqual(
      expected.map((name) => {
        const count = countOf(name);
        const yours = held.has(roleId(double, name)) ? ', yours' : '';
        return `${name} (${count} ${count === 1 ? 'member' : 'members'}${yours})`;
      }),
    );
    expect(lines).not.toContain(expect.stringContaining('Star Citizen'));
    expect(lines).not.toContain(expect.stringContaining('Twitch Subscriber'));
    expect(double.calls.filter((call) => !call.path.includes('/interactions/'))).toEqual([]);
  });
});

describe('/role create through discord.js and the Discord double', () => {
  test('GIVEN a member without Manage Roles THEN the owner is pinged, and only the owner', async ({
    discord: { double },
  }) => {
    const caller = double.defaultUserId;
    expect(double.guild.permissionsOf(caller) & MANAGE_ROLES).toBe(0n);

    const result = await double.sendInteraction({
      command: 'role',
      subcommand: 'create',
      options: { name: 'Hades II' },
      userId: caller,
    });

    expect(replyOf(result.callback)).toEqual({
      type: 4,
      content: `<@${double.fixture.ownerId}>, <@${caller}> wants to create role \`Hades II\`.`,
      flags: undefined,
      allowed_mentions: { parse: [], users: [double.fixture.ownerId] },
    });
    expect(double.calls.filter((call) => call.path.endsWith('/roles'))).toEqual([]);
  });

  test('GIVEN a member with Manage Roles THEN the role is created in the game colour', async ({
    discord: { double },
  }) => {
    const moderator = roleId(double, 'Moderator');
    const caller = memberWhere(double, (roles) => roles.includes(moderator));
    expect(double.guild.permissionsOf(caller) & MANAGE_ROLES).toBe(MANAGE_ROLES);

    const result = await double.sendInteraction({
      command: 'role',
      subcommand: 'create',
      options: { name: '  Hades II ' },
      userId: caller,
    });

    expect(replyOf(result.callback)).toEqual({
      type: 4,
      content: 'Created "Hades II". Members can now add it with `/role add`.',
      flags: undefined,
      allowed_mentions: { parse: [] },
    });
    const creates = double.calls.filter(
      (call) => call.method === 'POST' && call.path.endsWith('/roles'),
    );
    expect(creates.map((call) => call.path)).toEqual([`/api/v10/guilds/${double.guildId}/roles`]);
    expect(creates[0]?.body).toMatchObject({
      name: 'Hades II',
      colors: { primary_color: 0x206694 },
      mentionable: true,
    });
    expect(double.guild.roleByName('Hades II')).toMatchObject({ color: 0x206694, position: 1 });
  });

  const refusals = [
    {
      why: 'an existing role in another case',
      name: 'VALHEIM',
      content: "The role 'Valheim' already exists.",
    },
    {
      why: 'an existing non-game role',
      name: 'moderator',
      content: "The role 'Moderator' already exists.",
    },
    {
      why: '@everyone',
      name: '@everyone',
      content: 'Role names cannot look like mentions (`@everyone`, `@here`, `<@...>`).',
    },
    {
      why: 'a role mention',
      name: '<@&1234567890123456789>',
      content: 'Role names cannot look like mentions (`@everyone`, `@here`, `<@...>`).',
    },
    {
      why: 'a zero-width space',
      name: 'Hades\u200BII',
      content:
        'That name contains invisible characters (such as zero-width spaces). Please type it plainly.',
    },
    { why: 'only spaces', name: '   ', content: 'A role needs a name.' },
    {
      why: '1,000 characters',
      name: 'H'.repeat(1000),
      content: 'Role names can be at most 100 characters; that one has 1000.',
    },
  ] as const;

  test.for(refusals)(
    'GIVEN $why THEN a private refusal and nothing created, even for a moderator',
    async ({ name, content }, { discord: { double } }) => {
      const moderator = roleId(double, 'Moderator');
      const caller = memberWhere(double, (roles) => roles.includes(moderator));
      const result = await double.sendInteraction({
        command: 'role',
        subcommand: 'create',
        options: { name },
        userId: caller,
      });
      expect(replyOf(result.callback)).toEqual({
        type: 4,
        content,
        flags: EPHEMERAL,
        allowed_mentions: { parse: [] },
      });
      expect(double.calls.filter((call) => call.path.endsWith('/roles'))).toEqual([]);
    },
  );
});
