import { describe, expect, test } from 'vitest';
import type { InteractionSummary } from '../../src/telemetry/interaction-message.js';
import { interactionMessage } from '../../src/telemetry/interaction-message.js';

const cases = [
  [
    { type: 'command', command: '/role add', outcome: 'ok', durationMs: 12.345 },
    '/role add ok in 12 ms',
  ],
  [
    { type: 'command', command: '/help', outcome: 'error', durationMs: 1500.5 },
    '/help error in 1501 ms',
  ],
  [
    { type: 'autocomplete', command: '/role add', outcome: 'ok', durationMs: 0.4 },
    '/role add autocomplete ok in 0 ms',
  ],
  [
    {
      type: 'command',
      command: '/role add',
      outcome: 'forbidden',
      durationMs: 80,
      role: 'Valheim',
      user: 'abc',
    },
    '/role add forbidden in 80 ms',
  ],
] as const satisfies ReadonlyArray<readonly [InteractionSummary, string]>;

describe('the per-interaction log line reads as command, outcome and duration', () => {
  test.each(cases)('%o -> %s', (summary, body) => {
    expect(interactionMessage(summary)).toBe(body);
  });

  test('role and user stay out of the body: one pattern per command and outcome', () => {
    const [, , , [withRole]] = cases;
    expect(interactionMessage(withRole)).not.toMatch(/Valheim|abc/);
  });
});
