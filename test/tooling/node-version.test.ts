import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { readRepoFile, repoPath } from '../../harness/repo/repo.js';

const SCRIPT = 'scripts/check-node.mjs';
const manifest = JSON.parse(readRepoFile('package.json')) as {
  engines: { node: string; 'get-node-24': string };
  scripts: Record<string, string>;
};
const getNode24 = manifest.engines['get-node-24'];

/** The check as `npm test` runs it, with the Node version it is to judge. */
function check(...version: string[]) {
  const run = spawnSync(process.execPath, [repoPath(SCRIPT), ...version], { encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr };
}

describe(`${SCRIPT} (npm test's pretest)`, () => {
  test.each(['v20.20.2', 'v22.15.0', 'v23.11.1', '18.0.0'])(
    'refuses Node %s with the version needed and the line that gets Node 24',
    (version) => {
      const { status, stderr } = check(version);
      expect(status).toBe(1);
      expect(stderr).toContain(`needs Node ${manifest.engines.node}`);
      expect(stderr).toContain(`this is Node ${version}`);
      expect(stderr).toContain(`\n  ${getNode24}\n`);
    },
  );

  test.each(['v24.0.0', 'v24.21.0', 'v25.1.0'])('lets Node %s through, silently', (version) => {
    expect(check(version)).toEqual({ status: 0, stderr: '' });
  });

  test('lets the Node running the tests through', () => {
    expect(check()).toEqual({ status: 0, stderr: '' });
  });

  test('names the expected form of a version it cannot read', () => {
    const { status, stderr } = check('twenty');
    expect(status).toBe(2);
    expect(stderr).toContain('expected a Node version such as v24.1.0, not "twenty"');
  });
});

describe('the wrong Node fails at once, before anything is installed or linted', () => {
  test('npm test runs the check first', () => {
    expect(manifest.scripts.pretest).toBe(`node ${SCRIPT}`);
  });

  test.each(['prestart', 'predemo'])(
    'npm %s runs it first too (the configuration check needs Node 24)',
    (script) => {
      expect(manifest.scripts[script]?.startsWith(`node ${SCRIPT} && `)).toBe(true);
    },
  );

  test('npm ci refuses an engine package.json does not allow (.npmrc engine-strict)', () => {
    expect(readRepoFile('.npmrc').split('\n')).toContain('engine-strict=true');
  });

  test("npm's refusal and the check print the README's line that gets Node 24", () => {
    expect(readRepoFile('README.md')).toContain(`\n${getNode24}\n`);
  });

  test('.nvmrc and .ci/run ask for the major version engines.node names', () => {
    const major = /^>=(\d+)/.exec(manifest.engines.node)?.[1];
    expect(readRepoFile('.nvmrc').trim()).toBe(major);
    expect(readRepoFile('.ci/run')).toContain(`"$(node_major)" -lt ${major} `);
  });
});
