import type { GuildRole } from './guild-role.js';

export interface ManageableRule {
  /** Game roles are recognised by their colour (RoboShpee: #206694). */
  readonly color: number;
  /** Position of the bot's highest role: Discord lets a bot change only roles below it. */
  readonly botTopPosition: number;
}

export function isManageable(role: GuildRole, rule: ManageableRule): boolean {
  return (
    role.color === rule.color &&
    !role.everyone &&
    !role.managed &&
    role.position < rule.botTopPosition
  );
}

/** The roles members may give themselves, sorted by name as RoboShpee listed them. */
export function manageableRoles(
  roles: Iterable<GuildRole>,
  rule: ManageableRule,
): readonly GuildRole[] {
  return [...roles]
    .filter((role) => isManageable(role, rule))
    .sort((a, b) => compareNames(a.name, b.name));
}

// `localeCompare` with a locale or options builds a collator on every call; the sort of each
// snapshot made that a quarter of a `/role list`'s CPU. Built once, they compare the same.
const ignoringCase = new Intl.Collator('en', { sensitivity: 'base' });
const exact = new Intl.Collator('en');

function compareNames(a: string, b: string): number {
  return ignoringCase.compare(a, b) || exact.compare(a, b);
}
