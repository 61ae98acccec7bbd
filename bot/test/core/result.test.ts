import { expect, test } from 'vitest';
import { OUTCOMES } from '../../src/contract/outcomes.js';
import { commandResult, RESULT_OUTCOMES, type ResultCode } from '../../src/core/result.js';

const codes = Object.keys(RESULT_OUTCOMES) as ResultCode[];

test.each(codes)(
  'GIVEN result code %s THEN its outcome is one of the telemetry OUTCOMES',
  (code) => {
    expect(OUTCOMES).toContain(commandResult(code, { content: '', ephemeral: true }).outcome);
  },
);

test('GIVEN the result codes THEN every telemetry outcome is reachable', () => {
  expect(new Set(Object.values(RESULT_OUTCOMES))).toEqual(new Set(OUTCOMES));
});
