import { type APIUser, PermissionFlagsBits } from 'discord-api-types/v10';
import { fixtureMember, fixtureRole, type GuildFixture } from './guild-fixture.js';
import { snowflakeAt } from './snowflake.js';

// Fixed dates keep the guild's ids identical from run to run.
const CREATED = new Date('2020-01-01T00:00:00Z');
const day = (n: number): Date => new Date(CREATED.getTime() + n * 86_400_000);

/**
 * The guild a double serves when the test passes none: just enough for each rule the
 * double checks to have a case. Bottom-up: @everyone, `Member` (assignable), `Integration`
 * (managed), the bot's role (Manage Roles), `Above Bot` (out of the bot's reach), `Admin`.
 * Members: the owner, `alice` (Member), `bob` (no role), and the bot.
 */
export function defaultGuildFixture(): GuildFixture {
  const guildId = snowflakeAt(CREATED);
  const applicationId = snowflakeAt(day(1));
  const botUser: APIUser = {
    id: applicationId,
    username: 'Test Bot',
    global_name: null,
    discriminator: '0',
    avatar: null,
    bot: true,
  };
  const roles = [
    fixtureRole({
      id: guildId,
      name: '@everyone',
      position: 0,
      permissions: PermissionFlagsBits.ViewChannel | PermissionFlagsBits.UseApplicationCommands,
    }),
    fixtureRole({ id: snowflakeAt(day(2)), name: 'Member', position: 1, color: 0x2ecc71 }),
    fixtureRole({
      id: snowflakeAt(day(3)),
      name: 'Integration',
      position: 2,
      tags: { integration_id: snowflakeAt(day(3), 1) },
    }),
    fixtureRole({
      id: snowflakeAt(day(4)),
      name: 'Test Bot',
      position: 3,
      permissions: PermissionFlagsBits.ManageRoles,
      tags: { bot_id: botUser.id },
    }),
    fixtureRole({ id: snowflakeAt(day(5)), name: 'Above Bot', position: 4 }),
    fixtureRole({
      id: snowflakeAt(day(6)),
      name: 'Admin',
      position: 5,
      permissions: PermissionFlagsBits.Administrator,
    }),
  ];
  const roleId = (name: string): string => roles.find((r) => r.name === name)?.id ?? guildId;
  const user = (n: number, username: string): APIUser => ({
    id: snowflakeAt(day(n)),
    username,
    global_name: null,
    discriminator: '0',
    avatar: null,
  });
  const owner = user(10, 'owner');
  return {
    guildId,
    guildName: 'Test Guild',
    ownerId: owner.id,
    applicationId,
    botUser,
    channel: { id: snowflakeAt(CREATED, 1), name: 'general' },
    roles,
    members: [
      fixtureMember(owner, [roleId('Admin')], day(10)),
      fixtureMember(user(11, 'alice'), [roleId('Member')], day(11)),
      fixtureMember(user(12, 'bob'), [], day(12)),
      fixtureMember(botUser, [roleId('Test Bot')], day(1)),
    ],
  };
}
