import { describe, expect, test } from 'vitest';
import { loadCompose, serviceNamed } from '../../harness/compose/compose.js';
import { REPO_ROOT, readRepoFile, repoFileExists } from '../../harness/repo/repo.js';
import { type Instruction, loadDockerfile, resolveArgs } from './dockerfile.js';

const DOCKERFILE = 'bot/Dockerfile';
const instructions = loadDockerfile(DOCKERFILE);
const stages = instructions.filter((i) => i.keyword === 'FROM');
const finalStage = instructions.slice(instructions.findLastIndex((i) => i.keyword === 'FROM'));

function where(instruction: Instruction): string {
  return `${DOCKERFILE}:${instruction.line} ${instruction.keyword}`;
}

describe(DOCKERFILE, () => {
  test('is what compose builds', () => {
    const bot = serviceNamed(loadCompose(), 'bot');
    // Compose writes the context absolute: the repository root.
    expect(bot.build, 'compose.yaml: services.bot.build').toEqual({
      context: REPO_ROOT.replace(/\/$/, ''),
      dockerfile: DOCKERFILE,
    });
    expect(
      bot.image,
      'compose.yaml: services.bot.image: expected none (built locally)',
    ).toBeUndefined();
  });

  test('builds in one stage and runs from another, both on a pinned Node 24 slim image', () => {
    expect(
      stages.length,
      `${DOCKERFILE}: expected a build stage and a runtime stage`,
    ).toBeGreaterThanOrEqual(2);
    const problems = stages.flatMap((stage) => {
      const image = resolveArgs(instructions, stage.args.split(/\s+/)[0] ?? '');
      return /^node:24\.\d+\.\d+-[a-z]+-slim$/.test(image)
        ? []
        : [`${where(stage)}: expected node:24.<minor>.<patch>-<debian>-slim, got "${image}"`];
    });
    expect(problems).toEqual([]);
  });

  test("installs from the lockfile, builds, and keeps the bot workspace's runtime dependencies alone", () => {
    const runs = instructions
      .filter((i) => i.keyword === 'RUN')
      .map((i) => i.args)
      .join(' && ');
    const bot = JSON.parse(readRepoFile('bot/package.json')) as { name: string };
    const missing = ['npm ci', 'npm run build', `npm ci --omit=dev --workspace=${bot.name}`].filter(
      (step) => !runs.includes(step),
    );
    expect(missing.map((step) => `${DOCKERFILE}: RUN: expected "${step}"`)).toEqual([]);
  });

  test('builds with the legacy builder too: no `# syntax=` line, whose frontend image BuildKit pulls', () => {
    expect(readRepoFile(DOCKERFILE)).not.toMatch(/^#\s*syntax\s*=/m);
  });

  test("hands extra CAs (bot/build-ca) to the build stage's npm only, never to the final image", () => {
    const buildStage = instructions.slice(
      0,
      instructions.findLastIndex((i) => i.keyword === 'FROM'),
    );
    const copiesCa = (i: Instruction) => i.keyword === 'COPY' && i.args.includes('bot/build-ca');
    expect(
      buildStage.some(copiesCa),
      `${DOCKERFILE}: build stage: expected COPY bot/build-ca/`,
    ).toBe(true);
    const leaks = finalStage.filter(
      (i) =>
        copiesCa(i) ||
        /build-ca|NODE_EXTRA_CA_CERTS/.test(i.args) ||
        (i.keyword === 'COPY' && /--from=\S+ \/tmp/.test(i.args)),
    );
    expect(leaks.map((i) => `${where(i)}: the final stage must not see the build's CAs`)).toEqual(
      [],
    );
    expect(repoFileExists('bot/build-ca/README.md')).toBe(true);
  });

  test('runs as a non-root user', () => {
    const user = finalStage.filter((i) => i.keyword === 'USER').at(-1);
    expect(user?.args, `${DOCKERFILE}: final stage USER: expected a non-root user`).toMatch(
      /^(?!root$|0$)\S+/,
    );
  });

  test('starts the bot with the telemetry preloaded, exactly as npm start does', () => {
    const cmd = finalStage.filter((i) => i.keyword === 'CMD').at(-1);
    const start = (
      JSON.parse(readRepoFile('package.json')) as { scripts: Record<string, string> }
    ).scripts.start
      // compose hands the container its environment; there is no .env in the image.
      ?.replace(' --env-file-if-exists=.env', '');
    const argv = cmd ? (JSON.parse(cmd.args) as string[]) : [];
    expect(argv.join(' '), `${DOCKERFILE}: CMD: expected the npm start command in exec form`).toBe(
      start,
    );
  });
});

describe('.dockerignore', () => {
  const lines = readRepoFile('.dockerignore')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const allowed = lines
    .filter((line) => line.startsWith('!'))
    .map((line) => line.slice(1).replace(/\/$/, ''));

  test('excludes everything by default, so .env never reaches the build', () => {
    expect(lines[0], '.dockerignore: first pattern: expected "*"').toBe('*');
    expect(allowed.filter((path) => path.startsWith('.env'))).toEqual([]);
  });

  test('lets in every file the Dockerfile copies from the context, and each exists', () => {
    const sources = instructions
      .filter((i) => i.keyword === 'COPY' && !i.args.includes('--from='))
      .flatMap((i) =>
        i.args
          .split(/\s+/)
          .slice(0, -1)
          .map((source) => ({ i, source: source.replace(/\/$/, '') })),
      );
    const problems = sources.flatMap(({ i, source }) => [
      ...(repoFileExists(source) ? [] : [`${where(i)} ${source}: expected the file to exist`]),
      ...(allowed.some((path) => source === path || source.startsWith(`${path}/`))
        ? []
        : [`.dockerignore: expected "!${source}" (copied at ${where(i)})`]),
    ]);
    expect(sources.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});
