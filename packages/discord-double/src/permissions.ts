import { PermissionFlagsBits } from 'discord-api-types/v10';

const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);

interface PermissionSource {
  readonly id: string;
  readonly permissions: string;
}

/**
 * A member's guild-level permissions as Discord computes them for an interaction's
 * `member.permissions`: @everyone's, OR each role's; the owner and administrators have all.
 */
export function memberPermissions(
  roleIds: readonly string[],
  roles: readonly PermissionSource[],
  everyoneRoleId: string,
  isOwner: boolean,
): bigint {
  if (isOwner) return ALL_PERMISSIONS;
  const held = new Set([everyoneRoleId, ...roleIds]);
  const bits = roles
    .filter((role) => held.has(role.id))
    .reduce((all, role) => all | BigInt(role.permissions), 0n);
  return (bits & PermissionFlagsBits.Administrator) !== 0n ? ALL_PERMISSIONS : bits;
}
