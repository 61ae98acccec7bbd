import { describe, expect, test } from 'vitest';
import {
  decideRoleChange,
  type RoleAction,
  roleChanged,
  roleVanished,
} from '../../src/core/role-change.js';
import { role } from './roles.js';

const valheim = role('Valheim');
const terraria = role('Terraria');
const manageable = [terraria, valheim];

function decide(action: RoleAction, typed: string, held: readonly string[] = []) {
  return decideRoleChange({ action, typed, manageable, memberRoleIds: new Set(held) });
}

describe('decideRoleChange', () => {
  test('GIVEN add of a role the member lacks THEN the change is that role', () => {
    expect(decide('add', 'Valheim')).toEqual({ kind: 'change', role: valheim });
  });

  test('GIVEN remove of a role the member has THEN the change is that role', () => {
    expect(decide('remove', 'valheim', [valheim.id])).toEqual({ kind: 'change', role: valheim });
  });

  const refusals = [
    {
      why: 'an unknown role',
      action: 'add',
      typed: 'Zelda',
      held: [],
      code: 'unknownRole',
      content: "The role 'Zelda' does not exist or cannot be managed.",
    },
    {
      why: 'an unmanageable role name',
      action: 'remove',
      typed: 'Admin',
      held: [],
      code: 'unknownRole',
      content: "The role 'Admin' does not exist or cannot be managed.",
    },
    {
      why: 'an empty name',
      action: 'add',
      typed: '',
      held: [],
      code: 'unknownRole',
      content: "The role '' does not exist or cannot be managed.",
    },
    {
      why: '@everyone',
      action: 'add',
      typed: '@everyone',
      held: [],
      code: 'unknownRole',
      content: "The role '@everyone' does not exist or cannot be managed.",
    },
    {
      why: 'a name with a zero-width space',
      action: 'add',
      typed: 'Val\u200Bheim',
      held: [],
      code: 'unknownRole',
      content: "The role 'Val\u200Bheim' does not exist or cannot be managed.",
    },
    {
      why: 'add of a role already held',
      action: 'add',
      typed: 'Valheim',
      held: [valheim.id],
      code: 'alreadyHasRole',
      content: 'You already have "Valheim".',
    },
    {
      why: 'remove of a role not held',
      action: 'remove',
      typed: 'Terraria',
      held: [valheim.id],
      code: 'doesNotHaveRole',
      content: 'You don\'t have "Terraria".',
    },
  ] as const;

  test.each(refusals)(
    'GIVEN $why THEN $code, told only to the caller, nothing changes',
    ({ action, typed, held, code, content }) => {
      const decision = decide(action, typed, held);
      expect(decision).toEqual({
        kind: 'done',
        result: { code, outcome: 'rejected', reply: { content, ephemeral: true } },
      });
    },
  );

  test('GIVEN a 1,000-character name THEN the reply quotes only its first 100 characters', () => {
    const decision = decide('add', 'x'.repeat(1000));
    expect(decision.kind).toBe('done');
    if (decision.kind !== 'done') return;
    expect(decision.result.code).toBe('unknownRole');
    expect(decision.result.reply.content).toBe(
      `The role '${'x'.repeat(100)}…' does not exist or cannot be managed.`,
    );
  });
});

describe('roleChanged', () => {
  test("GIVEN a role added THEN RoboShpee's public reply", () => {
    expect(roleChanged('add', valheim)).toEqual({
      code: 'roleAdded',
      outcome: 'ok',
      reply: { content: 'Added "Valheim"', ephemeral: false },
    });
  });

  test("GIVEN a role removed THEN RoboShpee's public reply", () => {
    expect(roleChanged('remove', valheim)).toEqual({
      code: 'roleRemoved',
      outcome: 'ok',
      reply: { content: 'Removed "Valheim"', ephemeral: false },
    });
  });
});

describe('roleVanished', () => {
  test('GIVEN a role deleted before the change THEN the unknown-role refusal with the typed name', () => {
    expect(roleVanished('valheim ')).toEqual({
      code: 'unknownRole',
      outcome: 'rejected',
      reply: {
        content: "The role 'valheim ' does not exist or cannot be managed.",
        ephemeral: true,
      },
    });
  });
});
