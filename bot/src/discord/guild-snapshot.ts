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

function toGuildRole(role: Role, position: number): GuildRole {
  return {
    id: role.id,
    name: role.name,
    color: role.colors.primaryColor,
    position,
    managed: role.managed,
    everyone: role.id === role.guild.id,
  };
}

/**
 * Every role's `Role.position` (0 for the lowest) from one sort. The getter counts the roles
 * below on each read, so reading it for each role made every snapshot quadratic in the
 * number of roles. Same order as discord.js: by raw position, then the older role (the
 * smaller id) above among equal raw positions.
 */
function positionsOf(roles: Iterable<Role>): ReadonlyMap<string, number> {
  const ordered = [...roles].sort(
    (a, b) => a.rawPosition - b.rawPosition || (BigInt(a.id) > BigInt(b.id) ? -1 : 1),
  );
  return new Map(ordered.map((role, index) => [role.id, index]));
}

export function snapshotGuild(guild: Guild, roleColor: number): GuildSnapshot {
  const positions = positionsOf(guild.roles.cache.values());
  const roles = guild.roles.cache.map((role) => toGuildRole(role, positions.get(role.id) ?? 0));
  // Without its own member cached the bot cannot know its rank, so it claims no role.
  const own = guild.members.me?.roles.cache.keys() ?? [];
  const botTopPosition = Math.max(0, ...[...own].map((id) => positions.get(id) ?? 0));
  const manageable = manageableRoles(roles, { color: roleColor, botTopPosition });
  return { roles, manageable, manageableNames: manageable.map((role) => role.name) };
}

/** Ids of the roles a member has now. */
export function memberRoleIds(member: GuildMember): ReadonlySet<string> {
  return new Set(member.roles.cache.keys());
}
