/**
 * The closing line of `.ci/run`: `N passed, N failed, N skipped` over vitest's JSON reports.
 * A file that failed without a failing test (a `beforeAll` that threw, an import that broke)
 * had its tests reported as skipped: here they count as failed, since none of them ran.
 * Usage: node scripts/test-summary.ts report.json [report.json ...]
 */
import { existsSync, readFileSync } from 'node:fs';

interface Assertion {
  readonly status: string;
}

interface FileResult {
  readonly name: string;
  readonly status: string;
  readonly message?: string;
  readonly assertionResults: readonly Assertion[];
}

export interface VitestReport {
  readonly testResults: readonly FileResult[];
}

export interface Summary {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  /** Files that failed before or around their tests, each with vitest's message. */
  readonly brokenFiles: readonly string[];
}

export function summarize(reports: readonly VitestReport[]): Summary {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const brokenFiles: string[] = [];
  for (const file of reports.flatMap((report) => report.testResults)) {
    const statuses = file.assertionResults.map((assertion) => assertion.status);
    const broken = file.status === 'failed' && !statuses.includes('failed');
    if (broken) brokenFiles.push(`${file.name}: ${file.message || 'failed outside any test'}`);
    passed += statuses.filter((status) => status === 'passed').length;
    failed += statuses.filter((status) => status === 'failed').length;
    const notRun = statuses.filter((status) => status !== 'passed' && status !== 'failed').length;
    // A broken file with no test at all still counts once: something did not run.
    if (broken) failed += Math.max(notRun, 1);
    else skipped += notRun;
  }
  return { passed, failed, skipped, brokenFiles };
}

export function summaryLine({ passed, failed, skipped }: Summary): string {
  return `${passed} passed, ${failed} failed, ${skipped} skipped`;
}

/** A run that wrote no report (it stopped before vitest, at lint say) is one broken file. */
function readReport(path: string): VitestReport {
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as VitestReport;
  return {
    testResults: [
      {
        name: path,
        status: 'failed',
        message: 'no report: the run stopped before its tests',
        assertionResults: [],
      },
    ],
  };
}

if (import.meta.main) {
  const summary = summarize(process.argv.slice(2).map(readReport));
  for (const file of summary.brokenFiles) console.log(`broken: ${file}`);
  console.log(summaryLine(summary));
}
