import { describe, expect, test } from 'vitest';
import { loadCompose } from '../../harness/compose/compose.js';
import { packageManifests } from '../../harness/repo/package-manifests.js';
import { isRecord } from '../../harness/repo/parsed-document.js';
import { readRepoFile } from '../../harness/repo/repo.js';
import { COMPOSE_FILE } from '../../harness/repo/stack-files.js';

/**
 * renovate.json, checked for what it must do here (Renovate's own validator ships with the
 * whole of Renovate, far too big a dependency for this): keep images, npm packages and
 * GitHub Actions pinned, and group what must move together. Package names are matched as
 * Renovate's matchPackageNames reads them: exact names, `/regex/`, or globs.
 */

const FILE = 'renovate.json';
const config = JSON.parse(readRepoFile(FILE)) as Record<string, unknown>;
const rules = (Array.isArray(config.packageRules) ? config.packageRules : []).filter(isRecord);
const DOCKERFILE = 'bot/Dockerfile';
const WORKFLOW = '.github/workflows/ci.yml';

function globToRegExp(glob: string): RegExp {
  const source = glob
    .split(/(\*\*|\*)/)
    .map((part) =>
      part === '**' ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${source}$`, 'i');
}

function matchesName(pattern: string, name: string): boolean {
  const regex = /^\/(.+)\/([a-z]*)$/.exec(pattern);
  if (regex) return new RegExp(regex[1] ?? '', regex[2]).test(name);
  return pattern.includes('*') ? globToRegExp(pattern).test(name) : pattern === name;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/** The rules that apply to a package of a datasource (rules without that matcher match all). */
function rulesFor(datasource: string, name: string): Record<string, unknown>[] {
  return rules.filter((rule) => {
    const sources = strings(rule.matchDatasources);
    const names = strings(rule.matchPackageNames);
    return (
      (sources.length === 0 || sources.includes(datasource)) &&
      (names.length === 0 || names.some((pattern) => matchesName(pattern, name))) &&
      rule.matchUpdateTypes === undefined
    );
  });
}

const groupOf = (datasource: string, name: string) =>
  rulesFor(datasource, name)
    .map((rule) => rule.groupName)
    .findLast((group) => typeof group === 'string');

/** Images the stack runs: compose's, and the Dockerfile's base (an ARG default). */
function images(): { name: string; where: string }[] {
  const fromCompose = loadCompose().services.flatMap((s) =>
    s.image === undefined
      ? []
      : [{ name: s.image.split(/[:@]/)[0] ?? '', where: `${COMPOSE_FILE} ${s.name}` }],
  );
  const fromDockerfile = [...readRepoFile(DOCKERFILE).matchAll(/^ARG \w+_IMAGE=([^\s:@]+)/gm)].map(
    (m) => ({ name: m[1] ?? '', where: DOCKERFILE }),
  );
  return [...fromCompose, ...fromDockerfile];
}

function npmPackages(): string[] {
  return packageManifests().flatMap((manifest) =>
    Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }),
  );
}

describe(FILE, () => {
  test('starts from the recommended preset and pins GitHub Actions to commit SHAs', () => {
    expect(strings(config.extends)).toEqual(
      expect.arrayContaining(['config:recommended', 'helpers:pinGitHubActionDigests']),
    );
  });

  test('pins npm versions exactly', () => {
    expect(config.rangeStrategy).toBe('pin');
  });

  test('pins every image the stack runs to a digest', () => {
    const unpinned = images()
      .filter(({ name }) => !rulesFor('docker', name).some((rule) => rule.pinDigests === true))
      .map(({ name, where }) => `${FILE}: no rule pins the digest of ${name} (${where})`);
    expect(unpinned).toEqual([]);
  });

  test('moves every Grafana stack image in one group, and nothing else with them', () => {
    const groups = new Map(images().map(({ name }) => [name, groupOf('docker', name)]));
    const grafana = [...groups].filter(([name]) => name.startsWith('grafana/'));
    expect(grafana.length).toBeGreaterThan(1);
    expect(new Set(grafana.map(([, group]) => group)).size, JSON.stringify(grafana)).toBe(1);
    expect(grafana[0]?.[1]).toBeDefined();
    const others = [...groups].filter(
      ([name, group]) => !name.startsWith('grafana/') && group === grafana[0]?.[1],
    );
    expect(others).toEqual([]);
  });

  test('moves every OpenTelemetry JS package in one group', () => {
    const otel = npmPackages().filter((name) => name.startsWith('@opentelemetry/'));
    expect(otel.length).toBeGreaterThan(1);
    const groups = new Set(otel.map((name) => groupOf('npm', name)));
    expect([...groups]).toHaveLength(1);
    expect([...groups][0]).toBeDefined();
  });

  test('every package.json version is exact, as the pin strategy keeps it', () => {
    const manifests = packageManifests();
    expect(manifests.map((manifest) => manifest.path)).toContain('bot/package.json');
    const ranged = manifests.flatMap((manifest) =>
      Object.entries({ ...manifest.dependencies, ...manifest.devDependencies })
        .filter(([, version]) => !/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(version))
        .map(
          ([name, version]) => `${manifest.path}: ${name}@${version}: expected an exact version`,
        ),
    );
    expect(ranged).toEqual([]);
  });

  test(`every action in ${WORKFLOW} is pinned to a commit SHA with its tag in a comment`, () => {
    const unpinned = [...readRepoFile(WORKFLOW).matchAll(/uses:\s*(\S+)(.*)$/gm)]
      .filter(([, ref = '', rest = '']) => !/@[0-9a-f]{40}$/.test(ref) || !/#\s*v\d/.test(rest))
      .map(([line]) => `${WORKFLOW}: ${line.trim()}`);
    expect(unpinned).toEqual([]);
  });
});
