import { DiscordAPIError, type RateLimitData, RESTEvents } from 'discord.js';
import { describe, expect, vi } from 'vitest';
import { type DiscordDouble, NO_FAILURES } from '../src/index.js';
import { memberId, test } from './client-fixture.js';

const COLOR = 0x206694;

/** The default guild's ids by name: `Member` is the one role the bot may assign. */
function roleId(double: DiscordDouble, name: string): string {
  const role = double.guild.roleByName(name);
  if (role === undefined) throw new Error(`no role '${name}' in the default guild`);
  return role.id;
}

describe('role routes of the Discord double, driven by discord.js', () => {
  test('a role added by REST is recorded and reaches the cache through GUILD_MEMBER_UPDATE', async ({
    client,
    double,
  }) => {
    const guild = client.guilds.cache.get(double.guildId);
    const memberRole = guild?.roles.cache.get(roleId(double, 'Member'));
    const member = guild?.members.cache.get(memberId(double, 'bob'));
    if (!guild || !memberRole || !member) throw new Error('default guild incomplete');
    expect(member.roles.cache.has(memberRole.id)).toBe(false);
    double.clearCalls();

    await member.roles.add(memberRole.id);

    expect(double.calls).toHaveLength(1);
    const [call] = double.calls;
    expect(call).toMatchObject({
      method: 'PUT',
      path: `/api/v10/guilds/${guild.id}/members/${member.id}/roles/${memberRole.id}`,
      status: 204,
    });
    expect(call?.headers.authorization).toBe(`Bot ${double.token}`);
    expect(double.guild.member(member.id)?.roles).toContain(memberRole.id);
    await vi.waitFor(
      () => expect(guild.members.cache.get(member.id)?.roles.cache.has(memberRole.id)).toBe(true),
      {
        timeout: 2000,
      },
    );

    await member.roles.remove(memberRole.id);
    expect(double.calls[1]).toMatchObject({ method: 'DELETE', status: 204 });
    await vi.waitFor(
      () => expect(guild.members.cache.get(member.id)?.roles.cache.has(memberRole.id)).toBe(false),
      {
        timeout: 2000,
      },
    );
  });

  test.for([
    ['a role above the bot', 'Above Bot'],
    ['a role managed by an integration', 'Integration'],
  ] as const)(
    'refuses %s with 50013 and changes nothing',
    async ([, roleName], { client, double }) => {
      const guild = client.guilds.cache.get(double.guildId);
      const role = guild?.roles.cache.find((r) => r.name === roleName);
      const member = guild?.members.cache.get(double.defaultUserId);
      if (!role || !member) throw new Error('fixture incomplete');
      expect(role.editable).toBe(false);
      const before = [...(double.guild.member(member.id)?.roles ?? [])];

      const error = await member.roles.add(role.id).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(DiscordAPIError);
      expect((error as DiscordAPIError).code).toBe(50013);
      expect((error as DiscordAPIError).status).toBe(403);
      expect(double.guild.member(member.id)?.roles).toEqual(before);
    },
  );

  test('an unknown role id is 10011 Unknown Role', async ({ client, double }) => {
    const member = client.guilds.cache.get(double.guildId)?.members.cache.get(double.defaultUserId);
    const error = await member?.roles.add('123456789012345678').catch((e: unknown) => e);
    expect((error as DiscordAPIError).code).toBe(10011);
  });

  test('creates a role at the bottom and announces it with GUILD_ROLE_CREATE', async ({
    client,
    double,
  }) => {
    const guild = client.guilds.cache.get(double.guildId);
    if (!guild) throw new Error('no guild');
    const role = await guild.roles.create({
      name: 'Hades II',
      colors: { primaryColor: COLOR },
      mentionable: true,
    });
    expect(role.name).toBe('Hades II');
    expect(role.color).toBe(COLOR);
    expect(role.position).toBe(1);
    const call = double.calls.find(
      (c) => c.method === 'POST' && c.path === `/api/v10/guilds/${guild.id}/roles`,
    );
    expect(call?.body).toMatchObject({
      name: 'Hades II',
      colors: { primary_color: COLOR },
      mentionable: true,
    });
    await vi.waitFor(() => expect(guild.roles.cache.get(role.id)?.name).toBe('Hades II'), {
      timeout: 2000,
    });
    // Everything above shifted up by one, in the double and in the cache.
    const member = guild.roles.cache.find((r) => r.name === 'Member');
    expect(double.guild.roleByName('Member')?.position).toBe(2);
    await vi.waitFor(() => expect(member?.position).toBe(2), { timeout: 2000 });
  });

  test('rejects a role name longer than 100 characters with 50035', async ({ client, double }) => {
    const guild = client.guilds.cache.get(double.guildId);
    const error = await guild?.roles.create({ name: 'x'.repeat(101) }).catch((e: unknown) => e);
    expect((error as DiscordAPIError).code).toBe(50035);
    expect(double.guild.roles()).toHaveLength(double.fixture.roles.length);
  });

  test('answers a 429 with retry-after and discord.js retries after waiting', async ({
    client,
    double,
  }) => {
    const member = client.guilds.cache
      .get(double.guildId)
      ?.members.cache.get(memberId(double, 'bob'));
    const role = double.guild.roleByName('Member');
    if (!member || !role) throw new Error('fixture incomplete');
    const limited: RateLimitData[] = [];
    client.rest.on(RESTEvents.RateLimited, (data) => limited.push(data));
    double.clearCalls();
    double.failNext({ kind: 'rate-limit', retryAfterMs: 300 });

    const started = performance.now();
    await member.roles.add(role.id);

    expect(double.calls.map((c) => [c.method, c.status, c.injected])).toEqual([
      ['PUT', 429, 'rate-limit'],
      ['PUT', 204, undefined],
    ]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(280);
    expect(limited).toHaveLength(1);
    // discord.js adds its safety offset to the announced wait.
    expect(limited[0]?.retryAfter).toBeGreaterThanOrEqual(300);
    expect(limited[0]?.retryAfter).toBeLessThan(1000);
  });

  test('answers a 5xx and discord.js retries it', async ({ client, double }) => {
    const member = client.guilds.cache
      .get(double.guildId)
      ?.members.cache.get(memberId(double, 'bob'));
    const role = double.guild.roleByName('Member');
    if (!member || !role) throw new Error('fixture incomplete');
    double.clearCalls();
    double.failNext({ kind: 'server-error', status: 502 }, { kind: 'server-error', status: 503 });

    await member.roles.add(role.id);

    expect(double.calls.map((c) => c.status)).toEqual([502, 503, 204]);
    expect(double.guild.member(member.id)?.roles).toContain(role.id);
  });

  test('hierarchy drift: 50013 first, then the gateway moves the role above the bot, then back', async ({
    client,
    double,
  }) => {
    const guild = client.guilds.cache.get(double.guildId);
    const member = guild?.members.cache.get(memberId(double, 'bob'));
    const role = guild?.roles.cache.get(roleId(double, 'Member'));
    if (!guild || !member || !role) throw new Error('fixture incomplete');
    expect(role.editable).toBe(true);
    double.setFailures({ ...NO_FAILURES, hierarchyDriftRate: 1, hierarchyDriftMs: 600 });
    double.clearCalls();

    const error = await member.roles.add(role.id).catch((e: unknown) => e);

    expect((error as DiscordAPIError).code).toBe(50013);
    expect(double.calls[0]?.injected).toBe('hierarchy-drift');
    expect(role.editable).toBe(true); // the bot's cache is stale for a moment
    await vi.waitFor(() => expect(guild.roles.cache.get(role.id)?.editable).toBe(false), {
      timeout: 2000,
    });
    await vi.waitFor(() => expect(guild.roles.cache.get(role.id)?.editable).toBe(true), {
      timeout: 3000,
    });
    // Back where it was: the role order is the fixture's again, in the double and in the cache.
    const order = double.fixture.roles.map((r) => r.name);
    expect(double.guild.roles().map((r) => r.name)).toEqual(order);
    await vi.waitFor(() =>
      expect(
        [...guild.roles.cache.values()].sort((a, b) => a.position - b.position).map((r) => r.name),
      ).toEqual(order),
    );
  });
});

describe('the call record', () => {
  test.override('doubleOptions', { failures: false, maxRecordedCalls: 2 });

  test('keeps only the latest maxRecordedCalls calls', async ({ client, double }) => {
    const member = client.guilds.cache
      .get(double.guildId)
      ?.members.cache.get(memberId(double, 'bob'));
    const role = roleId(double, 'Member');
    await member?.roles.add(role);
    await member?.roles.remove(role);
    await member?.roles.add(role);
    expect(double.calls.map((c) => c.method)).toEqual(['DELETE', 'PUT']);
  });
});

describe('rate-limit buckets of the Discord double', () => {
  test.override('doubleOptions', { failures: false, rateLimit: { limit: 2, windowMs: 500 } });

  test('announces x-ratelimit headers so discord.js queues instead of hitting 429', async ({
    client,
    double,
  }) => {
    const guild = client.guilds.cache.get(double.guildId);
    const role = roleId(double, 'Member');
    // Three members, one route: one bucket (per route and guild, as Discord's).
    const members = ['bob', 'owner', 'Test Bot'].map((name) =>
      guild?.members.cache.get(memberId(double, name)),
    );
    const limited: RateLimitData[] = [];
    client.rest.on(RESTEvents.RateLimited, (data) => limited.push(data));
    double.clearCalls();

    await Promise.all(members.map((member) => member?.roles.add(role)));

    expect(double.calls.map((c) => c.status)).toEqual([204, 204, 204]);
    expect(limited.length).toBeGreaterThanOrEqual(1);
    // The third call waited for the window to reset.
    const [first, , third] = double.calls;
    expect((third?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(400);
  });
});
