import { expect, test } from 'vitest';
import { showHelp } from '../../src/core/help.js';

test('GIVEN command usages THEN one line each, privately', () => {
  expect(
    showHelp([
      { usage: '/role add <name>', description: 'Give yourself a game role' },
      { usage: '/age [user]', description: 'Show when an account was created' },
    ]),
  ).toEqual({
    code: 'helpShown',
    outcome: 'ok',
    reply: {
      content:
        'RoboShpee commands:\n`/role add <name>`: Give yourself a game role\n`/age [user]`: Show when an account was created',
      ephemeral: true,
    },
  });
});
