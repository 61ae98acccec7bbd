import { createHash } from 'node:crypto';
import { afterEach, describe, expect, test } from 'vitest';
import { OTHER_ROLE } from '../../src/contract/attributes.js';
import {
  commandLabel,
  configurePrivacy,
  hashUserId,
  OTHER_COMMAND,
  roleLabel,
  telemetryUserId,
} from '../../src/telemetry/privacy.js';

const USER = '222222222222222222';

afterEach(() => {
  configurePrivacy({ userIds: 'hash' });
});

describe('user ids', () => {
  test('the hash is the first 16 hex digits of the SHA-256 of the id, stable across calls', () => {
    const expected = createHash('sha256').update(USER).digest('hex').slice(0, 16);
    expect(hashUserId(USER)).toBe(expected);
    expect(hashUserId(USER)).toBe(hashUserId(USER));
    expect(hashUserId('222222222222222223')).not.toBe(expected);
  });

  test.each([
    [undefined, hashUserId(USER)],
    ['hash', hashUserId(USER)],
    ['omit', undefined],
  ] as const)('ROBOSHPEE_USER_IDS=%s -> %s', (setting, expected) => {
    if (setting !== undefined) configurePrivacy({ userIds: setting });
    expect(telemetryUserId(USER)).toBe(expected);
  });
});

describe('labels', () => {
  test.each([
    ['Valheim', 'Valheim'],
    ['valheim', OTHER_ROLE],
    ['@everyone', OTHER_ROLE],
  ])('role %s -> %s', (name, expected) => {
    expect(roleLabel(name, ['Valheim', 'Factorio'])).toBe(expected);
  });

  test('command names beyond the first 64 distinct ones become `other`, known ones stay', () => {
    const names = Array.from({ length: 100 }, (_, index) => `/generated-${index}`);
    const labels = names.map(commandLabel);
    expect(new Set(labels).size).toBeLessThanOrEqual(65);
    expect(labels.at(-1)).toBe(OTHER_COMMAND);
    expect(commandLabel(labels[0] ?? '')).toBe(labels[0]);
  });
});
