import type { GuildRole } from '../../src/core/guild-role.js';

export const GAME_COLOR = 0x206694;

let nextId = 1000;

/** A role as the core sees it: by default a game role low in the list. */
export function role(name: string, overrides: Partial<GuildRole> = {}): GuildRole {
  nextId += 1;
  return {
    id: String(nextId),
    name,
    color: GAME_COLOR,
    position: 1,
    managed: false,
    everyone: false,
    ...overrides,
  };
}
