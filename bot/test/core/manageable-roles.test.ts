import { describe, expect, test } from 'vitest';
import { isManageable, manageableRoles } from '../../src/core/manageable-roles.js';
import { GAME_COLOR, role } from './roles.js';

const rule = { color: GAME_COLOR, botTopPosition: 10 };

describe('isManageable', () => {
  const cases = [
    {
      why: 'a game-coloured role below the bot',
      role: role('Valheim', { position: 3 }),
      manageable: true,
    },
    { why: 'another colour', role: role('Moderators', { color: 0xff0000 }), manageable: false },
    { why: 'no colour', role: role('Plain', { color: 0 }), manageable: false },
    {
      why: '@everyone',
      role: role('@everyone', { everyone: true, position: 0 }),
      manageable: false,
    },
    {
      why: 'a managed (integration) role',
      role: role('Server Booster', { managed: true }),
      manageable: false,
    },
    {
      why: 'a role at the bot top role position',
      role: role('Equal', { position: 10 }),
      manageable: false,
    },
    { why: 'a role above the bot', role: role('Above', { position: 11 }), manageable: false },
    { why: 'a role just below the bot', role: role('Below', { position: 9 }), manageable: true },
  ] as const;

  test.each(cases)(
    'GIVEN $why THEN manageable is $manageable',
    ({ role: candidate, manageable }) => {
      expect(isManageable(candidate, rule)).toBe(manageable);
    },
  );

  test('GIVEN a configured colour THEN only that colour counts', () => {
    const green = role('Green', { color: 0x00ff00 });
    expect(isManageable(green, { color: 0x00ff00, botTopPosition: 10 })).toBe(true);
    expect(isManageable(green, rule)).toBe(false);
  });
});

describe('manageableRoles', () => {
  test('GIVEN mixed roles THEN only manageable ones, sorted by name ignoring case', () => {
    const roles = [
      role('valheim'),
      role('Admin', { color: 0xff0000 }),
      role('Among Us'),
      role('Terraria', { position: 12 }),
      role('Deep Rock Galactic'),
      role('@everyone', { everyone: true, position: 0 }),
    ];
    expect(manageableRoles(roles, rule).map((r) => r.name)).toEqual([
      'Among Us',
      'Deep Rock Galactic',
      'valheim',
    ]);
  });

  test('GIVEN no roles THEN none', () => {
    expect(manageableRoles([], rule)).toEqual([]);
  });
});
