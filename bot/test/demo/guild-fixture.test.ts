import { describe, expect, test } from 'vitest';
import { accountCreatedAt } from '../../src/core/account-age.js';
import { createGuildFixture, GAME_ROLE_COLOR } from '../../src/demo/fixture/guild-fixture.js';

describe('the demo guild fixture', () => {
  const fixture = createGuildFixture(1);
  const roles = new Map(fixture.roles.map((r) => [r.id, r]));
  const botRole = fixture.roles.find((r) => r.tags?.bot_id === fixture.botUser.id);
  const gameColoured = fixture.roles.filter((r) => r.color === GAME_ROLE_COLOR);
  const assignable = gameColoured.filter(
    (r) => !r.managed && r.position < (botRole?.position ?? 0),
  );

  test('has a dozen game roles the bot can assign, one managed and one above the bot', () => {
    expect(assignable).toHaveLength(12);
    expect(gameColoured.filter((r) => r.managed).map((r) => r.name)).toEqual(['Twitch Subscriber']);
    expect(
      gameColoured.filter((r) => r.position > (botRole?.position ?? 0)).map((r) => r.name),
    ).toEqual(['Star Citizen']);
    expect(
      fixture.roles.filter((r) => r.color !== GAME_ROLE_COLOR && r.color !== 0).length,
    ).toBeGreaterThanOrEqual(3);
  });

  test('orders roles by unique positions with @everyone (the guild id) at 0', () => {
    expect(fixture.roles[0]).toMatchObject({ id: fixture.guildId, name: '@everyone', position: 0 });
    expect(fixture.roles.map((r) => r.position)).toEqual(fixture.roles.map((_, i) => i));
    expect(new Set(fixture.roles.map((r) => r.id)).size).toBe(fixture.roles.length);
  });

  test('gives the bot a managed role with Manage Roles', () => {
    expect(botRole).toMatchObject({ name: 'RoboShpee', managed: true });
    expect(BigInt(botRole?.permissions ?? '0') & (1n << 28n)).toBe(1n << 28n);
    const bot = fixture.members.find((m) => m.user.id === fixture.botUser.id);
    expect(bot?.roles).toEqual([botRole?.id]);
  });

  test('has a few dozen members whose accounts predate their joining', () => {
    const people = fixture.members.filter((m) => !m.user.bot);
    expect(people.length).toBeGreaterThanOrEqual(30);
    expect(new Set(people.map((m) => m.user.id)).size).toBe(people.length);
    expect(new Set(people.map((m) => m.user.username)).size).toBe(people.length);
    for (const member of people) {
      expect(accountCreatedAt(member.user.id).getTime()).toBeLessThanOrEqual(
        Date.parse(member.joined_at ?? ''),
      );
      for (const roleId of member.roles) expect(roles.has(roleId)).toBe(true);
    }
    // Random subsets: not everyone holds the same game roles.
    const gameSets = new Set(
      people.map((m) =>
        m.roles
          .filter((id) => assignable.some((r) => r.id === id))
          .sort()
          .join(),
      ),
    );
    expect(gameSets.size).toBeGreaterThan(people.length / 2);
  });

  test('is the same for the same seed and differs for another', () => {
    expect(createGuildFixture(1)).toEqual(fixture);
    const other = createGuildFixture(2);
    expect(other.members.map((m) => m.roles)).not.toEqual(fixture.members.map((m) => m.roles));
  });
});
