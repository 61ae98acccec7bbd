import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Baseline {
  readonly commit: string;
  /** A checkout of `commit` with its bot built, beside (not inside) the repository. */
  readonly root: string;
}

/**
 * The bot as it was at `ref`, built, so that one bench run measures the old and the new
 * code on the same machine under the same load. Extracted with `git archive` into the
 * system's temporary directory (no worktree to clean up) and built once per commit, with
 * the dependencies of its own lockfile.
 */
export async function prepareBaseline(repository: string, ref: string): Promise<Baseline> {
  const git = (...args: string[]) => run('git', args, { cwd: repository });
  const commit = (await git('rev-parse', '--verify', `${ref}^{commit}`)).stdout.trim();
  // One build per commit and checkout: a build may link the checkout's node_modules, which
  // another worktree's build of the same commit would point elsewhere (or at a removed one).
  const checkout = createHash('sha256').update(repository).digest('hex').slice(0, 8);
  const root = join(tmpdir(), `roboshpee-bench-${commit.slice(0, 12)}-${checkout}`);
  const built = ['bot/dist/main.js', 'node_modules/typescript/package.json'];
  if (built.every((path) => existsSync(join(root, path)))) return { commit, root };
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  try {
    const archive = join(root, 'source.tar');
    const files = ['package.json', 'package-lock.json', 'tsconfig.json', 'bot'];
    await git('archive', `--output=${archive}`, commit, ...files);
    await run('tar', ['-xf', archive, '-C', root]);
    await installDependencies(repository, root);
    await run(
      process.execPath,
      [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'bot/tsconfig.build.json'],
      { cwd: root },
    );
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw new Error(`could not build the baseline ${ref} (${commit}): ${String(error)}`);
  }
  return { commit, root };
}

/**
 * The baseline's own dependencies when its lockfile differs from this checkout's (the old
 * code may import a package since replaced), without install scripts; else a link to this
 * checkout's node_modules, which is the same tree.
 */
async function installDependencies(repository: string, root: string): Promise<void> {
  const lock = (dir: string) => readFile(join(dir, 'package-lock.json'), 'utf8').catch(() => '');
  if ((await lock(repository)) === (await lock(root))) {
    await symlink(join(repository, 'node_modules'), join(root, 'node_modules'), 'dir');
    return;
  }
  await run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], {
    cwd: root,
    maxBuffer: 16 * 1024 * 1024,
  });
}
