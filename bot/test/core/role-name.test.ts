import { describe, expect, test } from 'vitest';
import { checkRoleName, MAX_ROLE_NAME_LENGTH } from '../../src/core/role-name.js';
import { role } from './roles.js';

const existing = [role('Valheim'), role('Moderators', { color: 0xff0000 })];

describe('checkRoleName', () => {
  const accepted = [
    { why: 'a plain name', raw: 'Deep Rock Galactic', name: 'Deep Rock Galactic' },
    { why: 'surrounding spaces', raw: '  Terraria  ', name: 'Terraria' },
    { why: 'accents and CJK', raw: 'Pokémon 日本', name: 'Pokémon 日本' },
    { why: 'an emoji', raw: 'Among Us 🚀', name: 'Among Us 🚀' },
    { why: 'an emoji ZWJ sequence', raw: 'Family 👨‍👩‍👧', name: 'Family 👨‍👩‍👧' },
    { why: 'an @ inside a word', raw: 'Tom@Work', name: 'Tom@Work' },
    {
      why: 'exactly the maximum length',
      raw: 'x'.repeat(MAX_ROLE_NAME_LENGTH),
      name: 'x'.repeat(100),
    },
    {
      why: '100 emoji (counted as characters, not UTF-16 units)',
      raw: '🎮'.repeat(100),
      name: '🎮'.repeat(100),
    },
  ] as const;

  test.each(accepted)('GIVEN $why THEN accepted', ({ raw, name }) => {
    expect(checkRoleName(raw, existing)).toEqual({ ok: true, name });
  });

  const refused = [
    { why: 'an empty string', raw: '', problem: 'empty' },
    { why: 'only spaces', raw: '   ', problem: 'empty' },
    { why: '101 characters', raw: 'x'.repeat(101), problem: 'tooLong' },
    { why: '1,000 characters', raw: 'Valheim'.repeat(143), problem: 'tooLong' },
    { why: 'a zero-width space', raw: 'Val\u200Bheim', problem: 'invisibleCharacters' },
    { why: 'only a zero-width space', raw: '\u200B', problem: 'invisibleCharacters' },
    {
      why: 'a zero-width joiner between letters',
      raw: 'Val\u200Dheim',
      problem: 'invisibleCharacters',
    },
    { why: 'a right-to-left override', raw: 'mieh\u202ElaV', problem: 'invisibleCharacters' },
    { why: 'a soft hyphen', raw: 'Val\u00ADheim', problem: 'invisibleCharacters' },
    { why: 'a newline', raw: 'Val\nheim', problem: 'invisibleCharacters' },
    { why: '@everyone', raw: '@everyone', problem: 'mentionLike' },
    { why: '@here', raw: '@here', problem: 'mentionLike' },
    { why: 'a leading @', raw: '@Valheim fans', problem: 'mentionLike' },
    { why: '@everyone inside', raw: 'ping @everyone now', problem: 'mentionLike' },
    { why: 'a full-width ＠everyone', raw: '＠everyone', problem: 'mentionLike' },
    { why: 'a user mention', raw: '<@123456789012345678>', problem: 'mentionLike' },
    { why: 'a nickname mention', raw: 'hi <@!123456789012345678>', problem: 'mentionLike' },
    { why: 'a role mention', raw: '<@&123456789012345678>', problem: 'mentionLike' },
    { why: 'a channel mention', raw: '<#123456789012345678>', problem: 'mentionLike' },
    { why: 'an existing game role', raw: 'Valheim', problem: 'duplicate' },
    { why: 'an existing role in other case', raw: 'VALHEIM', problem: 'duplicate' },
    { why: 'an existing role in full-width letters', raw: 'Ｖａｌｈｅｉｍ', problem: 'duplicate' },
    { why: 'an existing non-game role', raw: 'moderators', problem: 'duplicate' },
  ] as const;

  test.each(refused)('GIVEN $why THEN refused as $problem', ({ raw, problem }) => {
    const check = checkRoleName(raw, existing);
    expect(check.ok).toBe(false);
    expect(check.ok ? undefined : check.problem).toBe(problem);
  });

  test('GIVEN a duplicate THEN names the role that exists', () => {
    expect(checkRoleName('valheim', existing)).toEqual({
      ok: false,
      problem: 'duplicate',
      existing: 'Valheim',
    });
  });
});
