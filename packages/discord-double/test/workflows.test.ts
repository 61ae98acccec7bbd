// biome-ignore-all lint/suspicious/noTemplateCurlyInString: GitHub expressions (${{ … }}) and shell variables in workflow steps are the subject of these tests.
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { readRepoFile, readRepoYaml, repoPath } from '../../../harness/repo/repo.js';

/**
 * The GitHub workflows that test and publish the package, read statically: they cannot run
 * here (no GitHub runner, no npm credentials), so what can be checked is that they say what
 * they must. The tag check step runs for real.
 */

interface Step {
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
  readonly env?: Record<string, string>;
  readonly name?: string;
}
interface Job {
  readonly needs?: string;
  readonly permissions?: Record<string, string>;
  readonly strategy?: { readonly matrix?: { readonly node?: number[] } };
  readonly defaults?: { readonly run?: { readonly 'working-directory'?: string } };
  readonly steps: Step[];
}
interface Workflow {
  readonly on: Record<string, unknown>;
  readonly permissions?: Record<string, string>;
  readonly jobs: Record<string, Job>;
}

const PACKAGE_DIR = 'packages/discord-double';
const manifest = JSON.parse(readRepoFile(`${PACKAGE_DIR}/package.json`)) as {
  version: string;
  engines: { node: string };
};
/** The Node majors engines.node lists (`^22 || ^24`): the lines the package says it supports. */
const SUPPORTED = [...manifest.engines.node.matchAll(/\^(\d+)/g)].map((m) => Number(m[1]));

const ci = readRepoYaml('.github/workflows/ci.yml') as Workflow;
const RELEASE = '.github/workflows/release-discord-double.yml';
const release = readRepoYaml(RELEASE) as Workflow;

function job(workflow: Workflow, name: string): Job {
  const found = workflow.jobs[name];
  if (found === undefined) throw new Error(`no job '${name}'`);
  return found;
}

const index = (steps: Step[], predicate: (step: Step) => boolean): number =>
  steps.findIndex(predicate);

/** Installs on Node 24 (the workspace's engines), then runs the double's tests on the matrix's Node. */
function expectTestsOnEachLine(tested: Job): void {
  expect(tested.strategy?.matrix?.node).toEqual(SUPPORTED);
  const { steps } = tested;
  const install = index(steps, (s) => s.run?.startsWith('npm ci') === true);
  const switchNode = index(steps, (s) => s.with?.['node-version'] === '${{ matrix.node }}');
  const run = index(steps, (s) => s.run === `npx vitest run ${PACKAGE_DIR}/test`);
  expect(install).toBeGreaterThanOrEqual(0);
  expect(switchNode).toBeGreaterThan(install);
  expect(run).toBeGreaterThan(switchNode);
}

describe('the package supports and tests the Node lines engines lists', () => {
  test('GIVEN engines.node THEN it lists the active lines 22 and 24', () => {
    expect(SUPPORTED).toEqual([22, 24]);
  });

  test('GIVEN the CI workflow THEN its discord-double job tests each of them', () => {
    expectTestsOnEachLine(job(ci, 'discord-double'));
  });
});

describe(`${RELEASE}: publishing on a version tag, with provenance`, () => {
  const publish = job(release, 'publish');
  const tagCheck = publish.steps.find((s) => s.run?.includes('GITHUB_REF_NAME'));

  test('GIVEN a push THEN only a discord-double-v* tag starts it', () => {
    expect(release.on).toEqual({ push: { tags: ['discord-double-v*'] } });
    expect(release.permissions).toEqual({ contents: 'read' });
  });

  test('GIVEN the release THEN the tests run on each supported line before publishing', () => {
    expectTestsOnEachLine(job(release, 'test'));
    expect(publish.needs).toBe('test');
  });

  test('GIVEN the publish job THEN npm publishes the package with provenance, signed by the OIDC token', () => {
    expect(publish.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    expect(publish.defaults?.run?.['working-directory']).toBe(PACKAGE_DIR);
    const setup = publish.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(setup?.with?.['registry-url']).toBe('https://registry.npmjs.org');
    const steps = publish.steps.map((s) => s.run ?? '');
    const publishing = steps.findIndex((run) => run.startsWith('npm publish'));
    expect(steps[publishing]).toBe('npm publish --provenance --access public');
    expect(publish.steps[publishing]?.env).toEqual({
      NODE_AUTH_TOKEN: '${{ secrets.NPM_TOKEN }}',
    });
    // Provenance is refused unless package.json names the repository the workflow runs in.
    const naming = steps.findIndex((run) => run.includes('repository.url='));
    expect(steps[naming]).toContain('git+https://github.com/${GITHUB_REPOSITORY}.git');
    expect(naming).toBeGreaterThanOrEqual(0);
    expect(naming).toBeLessThan(publishing);
    expect(steps.findIndex((run) => run.includes('GITHUB_REF_NAME'))).toBeLessThan(publishing);
  });

  test('GIVEN every action THEN it is pinned to a commit', () => {
    const uses = Object.values(release.jobs).flatMap((j) => j.steps.map((s) => s.uses ?? ''));
    for (const action of uses.filter(Boolean)) expect(action).toMatch(/@[0-9a-f]{40}$/);
  });

  test.for([
    [`discord-double-v${manifest.version}`, 0, ''],
    ['discord-double-v99.0.0', 1, `does not name package.json version ${manifest.version}`],
  ] as const)('GIVEN tag %s THEN the tag check exits %i', ([tag, status, message]) => {
    const run = spawnSync('bash', ['-e', '-c', tagCheck?.run ?? 'exit 3'], {
      cwd: repoPath(PACKAGE_DIR),
      env: { ...process.env, GITHUB_REF_NAME: tag },
      encoding: 'utf8',
    });
    expect(run.status).toBe(status);
    expect(run.stderr).toContain(message);
  });

  test('GIVEN the README THEN it gives the install line and how a release is cut', () => {
    const readme = readRepoFile(`${PACKAGE_DIR}/README.md`);
    expect(readme).toContain('npm install --save-dev @roboshpee/discord-double discord.js');
    expect(readme).toContain(`git tag discord-double-v${manifest.version}`);
  });
});
