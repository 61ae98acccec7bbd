import type { Guild, GuildMember, Role } from 'discord.js';
import type { GuildRole } from '../core/guild-role.js';
import { manageableRoles } from '../core/manageable-roles.js';

/** The server's roles as the core sees them, read from the discord.js cache. */
export interface GuildSnapshot {
  readonly roles: readonly GuildRole[];
  readonly manageable: readonly GuildRole[];
  /** Manageable role names: the only role values telemetry may use as labels. */
  readonly manageableNames: readonly string[];
}

function toGuildRole(role: Role): GuildRole {
  return {
    id: role.id,
    name: role.name,
    color: role.colors.primaryColor,
    position: role.position,
    managed: role.managed,
    everyone: role.id === role.guild.id,
  };
}

export function snapshotGuild(guild: Guild, roleColor: number): GuildSnapshot {
  const roles = guild.roles.cache.map(toGuildRole);
  // Without its own member cached the bot cannot know its rank, so it claims no role.
  const botTopPosition = guild.members.me?.roles.highest.position ?? 0;
  const manageable = manageableRoles(roles, { color: roleColor, botTopPosition });
  return { roles, manageable, manageableNames: manageable.map((role) => role.name) };
}

/** Ids of the roles a member has now. */
export function memberRoleIds(member: GuildMember): ReadonlySet<string> {
  return new Set(member.roles.cache.keys());
}
