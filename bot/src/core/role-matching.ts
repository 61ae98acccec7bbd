import type { GuildRole } from './guild-role.js';

/** Discord shows at most this many autocomplete choices and rejects more. */
export const MAX_CHOICES = 25;

/** Case- and width-insensitive form used to compare what was typed with role names. */
export function foldName(name: string): string {
  return name.normalize('NFKC').toLocaleLowerCase('en').trim();
}

/**
 * Autocomplete: roles whose name starts with the typed text first, then those that contain
 * it elsewhere, each group in the given order, at most MAX_CHOICES. Empty input offers the
 * first roles.
 */
export function matchRoles(typed: string, roles: readonly GuildRole[]): readonly GuildRole[] {
  const query = foldName(typed);
  const prefix: GuildRole[] = [];
  const inside: GuildRole[] = [];
  for (const role of roles) {
    const at = foldName(role.name).indexOf(query);
    if (at === 0) prefix.push(role);
    else if (at > 0) inside.push(role);
  }
  return [...prefix, ...inside].slice(0, MAX_CHOICES);
}

/**
 * The role a typed name means: the exact name, else the only role equal to it ignoring case
 * and width. Autocomplete values are free text, so this is the only gate for add and remove.
 */
export function findRole(typed: string, roles: readonly GuildRole[]): GuildRole | undefined {
  const exact = roles.find((role) => role.name === typed);
  if (exact) return exact;
  const folded = foldName(typed);
  const loose = roles.filter((role) => foldName(role.name) === folded);
  return loose.length === 1 ? loose[0] : undefined;
}
