import { describe, expect, test } from 'vitest';
import { summarize, summaryLine, type VitestReport } from '../../scripts/test-summary.js';

const file = (name: string, status: string, ...tests: string[]) => ({
  name,
  status,
  message: status === 'failed' ? `${name} broke` : '',
  assertionResults: tests.map((s) => ({ status: s })),
});

describe("the CI closing line over vitest's JSON reports", () => {
  test('passed, failed and skipped tests are counted across reports', () => {
    const unit: VitestReport = {
      testResults: [file('a', 'passed', 'passed', 'passed', 'skipped')],
    };
    const integration: VitestReport = {
      testResults: [file('b', 'failed', 'passed', 'failed', 'skipped')],
    };
    expect(summaryLine(summarize([unit, integration]))).toBe('3 passed, 1 failed, 2 skipped');
  });

  test('a file that failed in its setup counts its tests as failed, not skipped', () => {
    // What vitest reports for a suite whose beforeAll threw: every test "skipped".
    const report: VitestReport = {
      testResults: [
        file('setup', 'failed', 'skipped', 'skipped', 'skipped'),
        file('ok', 'passed', 'passed'),
      ],
    };
    const summary = summarize([report]);
    expect(summaryLine(summary)).toBe('1 passed, 3 failed, 0 skipped');
    expect(summary.brokenFiles).toEqual(['setup: setup broke']);
  });

  test('a broken file with no test in it still counts as one failure', () => {
    expect(summarize([{ testResults: [file('import', 'failed')] }]).failed).toBe(1);
  });
});
