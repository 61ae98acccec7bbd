import { describe, expect, test } from 'vitest';
import { decideRoleCreate, roleCreated } from '../../src/core/role-create.js';
import { role } from './roles.js';

const OWNER = '111111111111111111';
const CALLER = '<@222222222222222222>';
const existing = [role('Valheim')];

function decide(typed: string, callerCanManageRoles = false) {
  return decideRoleCreate({
    typed,
    existing,
    callerCanManageRoles,
    ownerId: OWNER,
    callerMention: CALLER,
  });
}

describe('decideRoleCreate', () => {
  test("GIVEN a member without Manage Roles THEN RoboShpee's request, pinging only the owner", () => {
    expect(decide('  Terraria ')).toEqual({
      kind: 'done',
      result: {
        code: 'roleRequested',
        outcome: 'ok',
        reply: {
          content: `<@${OWNER}>, ${CALLER} wants to create role \`Terraria\`.`,
          ephemeral: false,
          pingUserId: OWNER,
        },
      },
    });
  });

  test('GIVEN a member with Manage Roles THEN the role to create, trimmed', () => {
    expect(decide('  Terraria ', true)).toEqual({ kind: 'create', name: 'Terraria' });
  });

  const refusals = [
    { why: 'an empty name', typed: '', code: 'invalidRoleName', content: 'A role needs a name.' },
    {
      why: 'a 1,000-character name',
      typed: 'y'.repeat(1000),
      code: 'invalidRoleName',
      content: 'Role names can be at most 100 characters; that one has 1000.',
    },
    {
      why: 'a zero-width character',
      typed: 'Terr\u200Baria',
      code: 'invalidRoleName',
      content:
        'That name contains invisible characters (such as zero-width spaces). Please type it plainly.',
    },
    {
      why: 'a mention-like name',
      typed: '@everyone',
      code: 'invalidRoleName',
      content: 'Role names cannot look like mentions (`@everyone`, `@here`, `<@...>`).',
    },
    {
      why: 'a duplicate',
      typed: 'VALHEIM',
      code: 'duplicateRoleName',
      content: "The role 'Valheim' already exists.",
    },
  ] as const;

  test.each(refusals)(
    'GIVEN $why THEN $code, privately, even for an admin',
    ({ typed, code, content }) => {
      for (const admin of [false, true]) {
        expect(decide(typed, admin)).toEqual({
          kind: 'done',
          result: { code, outcome: 'rejected', reply: { content, ephemeral: true } },
        });
      }
    },
  );
});

test('roleCreated GIVEN a created role THEN says how members get it', () => {
  expect(roleCreated('Terraria')).toEqual({
    code: 'roleCreated',
    outcome: 'ok',
    reply: {
      content: 'Created "Terraria". Members can now add it with `/role add`.',
      ephemeral: false,
    },
  });
});
