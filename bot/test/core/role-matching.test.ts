import { describe, expect, test } from 'vitest';
import { findRole, MAX_CHOICES, matchRoles } from '../../src/core/role-matching.js';
import { role } from './roles.js';

const roles = [
  'Among Us',
  'Apex Legends',
  'Deep Rock Galactic',
  'Minecraft',
  'Rocket League',
  'Valheim',
].map((name) => role(name));

const names = (found: readonly { name: string }[]) => found.map((r) => r.name);

describe('matchRoles', () => {
  const cases = [
    {
      typed: 'a',
      expected: [
        'Among Us',
        'Apex Legends',
        'Deep Rock Galactic',
        'Minecraft',
        'Rocket League',
        'Valheim',
      ],
    },
    { typed: 'm', expected: ['Minecraft', 'Among Us', 'Valheim'] },
    { typed: 'ROCK', expected: ['Rocket League', 'Deep Rock Galactic'] },
    { typed: 'ap', expected: ['Apex Legends'] },
    { typed: 'league', expected: ['Rocket League'] },
    { typed: '  valheim ', expected: ['Valheim'] },
    { typed: 'ｖａｌ', expected: ['Valheim'] },
    { typed: 'zelda', expected: [] },
    { typed: '', expected: names(roles) },
    { typed: '\u200B', expected: [] },
  ] as const;

  test.each(cases)(
    "GIVEN '$typed' THEN prefix matches first, then substring matches",
    ({ typed, expected }) => {
      expect(names(matchRoles(typed, roles))).toEqual(expected);
    },
  );

  test(`GIVEN more than ${MAX_CHOICES} matches THEN prefix matches fill the ${MAX_CHOICES} first`, () => {
    const many = [
      ...Array.from({ length: 20 }, (_, i) => role(`Game ${String(i).padStart(2, '0')}`)),
      ...Array.from({ length: 20 }, (_, i) => role(`Old Game ${String(i).padStart(2, '0')}`)),
    ];
    const inside = many.slice(20);
    const found = matchRoles('game', [...inside, ...many.slice(0, 20)]);
    expect(found).toHaveLength(MAX_CHOICES);
    expect(names(found.slice(0, 20))).toEqual(names(many.slice(0, 20)));
    expect(names(found.slice(20))).toEqual(names(inside.slice(0, 5)));
  });

  test('GIVEN a 1,000-character query THEN nothing matches and nothing throws', () => {
    expect(matchRoles('x'.repeat(1000), roles)).toEqual([]);
  });
});

describe('findRole', () => {
  const cases = [
    { typed: 'Valheim', expected: 'Valheim' },
    { typed: 'valheim', expected: 'Valheim' },
    { typed: ' Valheim ', expected: 'Valheim' },
    { typed: 'Valh', expected: undefined },
    { typed: 'Val\u200Bheim', expected: undefined },
    { typed: '', expected: undefined },
    { typed: '@everyone', expected: undefined },
    { typed: 'v'.repeat(1000), expected: undefined },
  ] as const;

  test.each(cases)("GIVEN '$typed' THEN finds $expected", ({ typed, expected }) => {
    expect(findRole(typed, roles)?.name).toBe(expected);
  });

  test('GIVEN two roles differing only by case THEN the exact one, and no guess for a third spelling', () => {
    const twins = [role('Doom'), role('DOOM')];
    expect(findRole('DOOM', twins)?.id).toBe(twins[1]?.id);
    expect(findRole('Doom', twins)?.id).toBe(twins[0]?.id);
    expect(findRole('doom', twins)).toBeUndefined();
  });
});
