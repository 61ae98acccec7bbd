import { execFileSync } from 'node:child_process';
import { REPO_ROOT } from '../repo/repo.js';

export type Environment = Readonly<Record<string, string | undefined>>;

export interface ComposeSource {
  /** Compose files, relative to `projectDir`, in the order `-f` takes them (later override). */
  readonly files: readonly string[];
  /** Anchors relative paths (bind sources, build contexts); the repository by default. */
  readonly projectDir?: string;
  /** The only variables interpolation sees: none by default, as `docker compose up` without a .env. */
  readonly env?: Environment;
  /** The text of the one file named `-` (a compose file a test writes inline). */
  readonly stdin?: string;
}

/** What a contributor without Compose v2 reads, in place of a test failure they cannot place. */
export const COMPOSE_MISSING =
  "the tests read every compose file through `docker compose config`, and `docker compose version` did not answer here: install Compose v2 (Docker Desktop, docker-compose-plugin from Docker, or Debian's docker-compose package, 2.x: .ci/run shows how on Debian 12)";

const cache = new Map<string, Record<string, unknown>>();

/**
 * The compose model as Compose v2 itself resolves it: `docker compose config --format json`,
 * which interpolates `${...}`, merges the files, applies `!reset` and `!override`, validates
 * against the Compose schema, and writes every short syntax in its long form (ports, volumes,
 * environment, depends_on, byte sizes). No .env of the working tree and no variable of the
 * calling shell reaches it: only `env`. Results are kept per source (a test file reads the
 * same file many times).
 */
export function composeConfig(source: ComposeSource, docker = 'docker'): Record<string, unknown> {
  const projectDir = source.projectDir ?? REPO_ROOT;
  const key = JSON.stringify([source, projectDir, docker]);
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const args = [
    'compose',
    '--project-directory',
    projectDir,
    // An empty env file, so that a developer's .env cannot change what the checks read.
    '--env-file',
    '/dev/null',
    ...source.files.flatMap((file) => ['-f', file]),
    'config',
    '--format',
    'json',
  ];
  const env = Object.fromEntries(
    Object.entries(source.env ?? {}).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
  let output: string;
  try {
    output = execFileSync(docker, args, {
      // The project directory need not exist (a test's inline file): the repository is.
      cwd: REPO_ROOT,
      encoding: 'utf8',
      input: source.stdin ?? '',
      stdio: ['pipe', 'pipe', 'pipe'],
      // PATH finds the CLI plugin's helpers; HOME and DOCKER_CONFIG find the plugin itself.
      env: {
        PATH: process.env.PATH ?? '',
        ...(process.env.HOME === undefined ? {} : { HOME: process.env.HOME }),
        ...(process.env.DOCKER_CONFIG === undefined
          ? {}
          : { DOCKER_CONFIG: process.env.DOCKER_CONFIG }),
        ...env,
      },
    });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    const stderr = String(failure.stderr ?? '').trim();
    if (failure.code === 'ENOENT' || /is not a docker command|unknown command/i.test(stderr)) {
      throw new Error(COMPOSE_MISSING);
    }
    throw new Error(
      `docker compose config of ${source.files.join(' + ')} failed: ${stderr || failure.message}`,
    );
  }
  const model = JSON.parse(output) as Record<string, unknown>;
  cache.set(key, model);
  return model;
}
