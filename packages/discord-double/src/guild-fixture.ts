import type {
  APIGuildMember,
  APIRole,
  APIRoleTags,
  APIUser,
  GuildMemberFlags,
  RoleFlags,
} from 'discord-api-types/v10';

/** A guild as Discord would serve it: API payloads, ready for READY and GUILD_CREATE. */
export interface GuildFixture {
  readonly guildId: string;
  readonly guildName: string;
  readonly ownerId: string;
  readonly applicationId: string;
  /** The bot's user; its member must be in `members`, holding the bot's roles. */
  readonly botUser: APIUser;
  /** The channel interactions come from. */
  readonly channel: { readonly id: string; readonly name: string };
  /** Ascending by position; @everyone first (its id is the guild id). */
  readonly roles: APIRole[];
  /** Includes the bot's own member. */
  readonly members: APIGuildMember[];
}

export interface RoleSpec {
  readonly id: string;
  readonly name: string;
  /** Discord orders roles bottom-up: @everyone is 0, a higher number ranks higher. */
  readonly position: number;
  readonly color?: number;
  readonly permissions?: bigint;
  /** Tags make the role managed (by a bot, an integration or boosts): nobody assigns it by hand. */
  readonly tags?: APIRoleTags;
  readonly hoist?: boolean;
}

/** A role payload with every field Discord sends. */
export function fixtureRole(spec: RoleSpec): APIRole {
  const color = spec.color ?? 0;
  return {
    id: spec.id,
    name: spec.name,
    color,
    colors: { primary_color: color, secondary_color: null, tertiary_color: null },
    hoist: spec.hoist ?? false,
    icon: null,
    unicode_emoji: null,
    position: spec.position,
    permissions: (spec.permissions ?? 0n).toString(),
    managed: spec.tags !== undefined,
    mentionable: false,
    ...(spec.tags === undefined ? {} : { tags: spec.tags }),
    flags: 0 as RoleFlags,
  };
}

/** A member payload with every field Discord sends. */
export function fixtureMember(user: APIUser, roleIds: string[], joinedAt: Date): APIGuildMember {
  return {
    user,
    nick: null,
    avatar: null,
    roles: roleIds,
    joined_at: joinedAt.toISOString(),
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}
