import { describe, expect, test } from 'vitest';
import { listRoles, MAX_MESSAGE_LENGTH } from '../../src/core/role-list.js';
import { role } from './roles.js';

describe('listRoles', () => {
  test("GIVEN manageable roles THEN RoboShpee's list with member counts and the caller's roles, privately", () => {
    const amongUs = role('Among Us');
    const valheim = role('Valheim');
    const counts = new Map([
      [amongUs.id, 1],
      [valheim.id, 12],
    ]);
    const result = listRoles({
      manageable: [amongUs, valheim],
      memberCount: (id) => counts.get(id) ?? 0,
      callerRoleIds: new Set([valheim.id]),
    });
    expect(result).toEqual({
      code: 'rolesListed',
      outcome: 'ok',
      reply: {
        content: 'Roles:\nAmong Us (1 member)\nValheim (12 members, yours)',
        ephemeral: true,
      },
    });
  });

  test('GIVEN no manageable roles THEN says so and how to ask for one', () => {
    const result = listRoles({ manageable: [], memberCount: () => 0, callerRoleIds: new Set() });
    expect(result.code).toBe('rolesListed');
    expect(result.reply.content).toBe(
      'There are no game roles on this server yet. Ask for one with `/role create`.',
    );
  });

  test(`GIVEN more roles than fit in ${MAX_MESSAGE_LENGTH} characters THEN the list is cut and says how many were left out`, () => {
    const many = Array.from({ length: 60 }, (_, i) => role(`${'Long game name '.repeat(5)}${i}`));
    const content = listRoles({ manageable: many, memberCount: () => 3, callerRoleIds: new Set() })
      .reply.content;
    expect(content.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    const lines = content.split('\n');
    const shown = lines.length - 2;
    expect(lines[0]).toBe('Roles:');
    expect(lines.at(-1)).toBe(`... and ${60 - shown} more`);
    expect(lines.slice(1, -1)).toEqual(many.slice(0, shown).map((r) => `${r.name} (3 members)`));
  });
});
