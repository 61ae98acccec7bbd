import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCompose } from '../../harness/compose/compose.js';
import { packageManifests } from '../../harness/repo/package-manifests.js';
import { isRecord } from '../../harness/repo/parsed-document.js';
import { RENOVATE, validateRenovateConfig } from '../../harness/repo/renovate-validator.js';
import { REPO_ROOT, readRepoFile } from '../../harness/repo/repo.js';
import { COMPOSE_FILE } from '../../harness/repo/stack-files.js';

/**
 * renovate.json, checked by Renovate's own validator (renovate-config-validator: options,
 * types, presets, matchers), and for what it must do here: keep images, npm packages and
 * GitHub Actions pinned, and group what must move together.
 */

const FILE = 'renovate.json';
const config = JSON.parse(readRepoFile(FILE)) as Record<string, unknown>;
const rules = (Array.isArray(config.packageRules) ? config.packageRules : []).filter(isRecord);
const DOCKERFILE = 'bot/Dockerfile';
const WORKFLOW = '.github/workflows/ci.yml';

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/** The rule that names `group`, or undefined. */
const groupRule = (group: string) => rules.find((rule) => rule.groupName === group);

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
  test(`Renovate's validator (${RENOVATE}) accepts it`, { timeout: 300_000 }, () => {
    const run = validateRenovateConfig(REPO_ROOT);
    expect(run.output).toMatch(/Validating renovate\.json/);
    expect(run.status, run.output).toBe(0);
  });

  test('the validator refuses a config with an option Renovate does not have', {
    timeout: 300_000,
  }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'renovate-'));
    try {
      const broken = { ...config, rangeStrategyy: 'pin' };
      writeFileSync(join(dir, FILE), JSON.stringify(broken));
      const run = validateRenovateConfig(dir);
      expect(run.status).not.toBe(0);
      expect(run.output).toContain('Invalid configuration option: rangeStrategyy');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('starts from the recommended preset and pins GitHub Actions to commit SHAs', () => {
    expect(strings(config.extends)).toEqual(
      expect.arrayContaining(['config:recommended', 'helpers:pinGitHubActionDigests']),
    );
  });

  test('pins npm versions exactly', () => {
    expect(config.rangeStrategy).toBe('pin');
  });

  test('pins every image to a digest: one rule for the whole docker datasource', () => {
    const pinning = rules.filter(
      (rule) =>
        strings(rule.matchDatasources).includes('docker') &&
        rule.pinDigests === true &&
        rule.matchPackageNames === undefined,
    );
    expect(pinning).toHaveLength(1);
    expect(images().length).toBeGreaterThan(5);
  });

  test('moves the Grafana stack images in one group: every image under grafana/, and only those', () => {
    // Renovate reads `grafana/**` as a glob over the whole name (renovate-config-validator
    // checks the pattern): every image whose name starts with `grafana/`.
    const rule = groupRule('Grafana stack images');
    expect(strings(rule?.matchDatasources)).toEqual(['docker']);
    expect(strings(rule?.matchPackageNames)).toEqual(['grafana/**']);
    const grafana = images().filter(({ name }) => name.startsWith('grafana/'));
    expect(grafana.length).toBeGreaterThan(1);
  });

  test('moves every OpenTelemetry JS package in one group', () => {
    const rule = groupRule('OpenTelemetry JS');
    expect(strings(rule?.matchDatasources)).toEqual(['npm']);
    expect(strings(rule?.matchPackageNames)).toEqual(['@opentelemetry/**']);
    expect(
      npmPackages().filter((name) => name.startsWith('@opentelemetry/')).length,
    ).toBeGreaterThan(1);
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
