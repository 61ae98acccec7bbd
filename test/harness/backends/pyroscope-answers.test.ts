import { describe, expect, test } from 'vitest';
import { parseRender } from '../../../harness/backends/pyroscope-client.js';

describe('parseRender', () => {
  test('GIVEN a flamebearer answer THEN its ticks and function names', () => {
    const answer = {
      version: 1,
      flamebearer: { names: ['total', 'handleInteraction'], levels: [[0, 5, 0, 0]], numTicks: 5 },
      metadata: { format: 'single', units: 'samples' },
    };
    expect(parseRender(answer)).toEqual({ ticks: 5, names: ['total', 'handleInteraction'] });
  });

  test('GIVEN an error body THEN it says so', () => {
    expect(() => parseRender({ code: 'invalid_argument' })).toThrow('not a flamebearer profile');
  });
});
