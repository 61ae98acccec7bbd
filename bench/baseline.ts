import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rm, symlink } from 'node:fs/promises';
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
 * system's temporary directory (no worktree to clean up) and built once per commit; it
 * uses this repository's node_modules, so it runs the dependencies installed here.
 */
export async function prepareBaseline(repository: string, ref: string): Promise<Baseline> {
  const git = (...args: string[]) => run('git', args, { cwd: repository });
  const commit = (await git('rev-parse', '--verify', `${ref}^{commit}`)).stdout.trim();
  // One build per commit and checkout: the build links its node_modules, which another
  // worktree's build of the same commit may point elsewhere (or at a worktree since removed).
  const checkout = createHash('sha256').update(repository).digest('hex').slice(0, 8);
  const root = join(tmpdir(), `roboshpee-bench-${commit.slice(0, 12)}-${checkout}`);
  const built = ['bot/dist/main.js', 'node_modules/typescript/package.json'];
  if (built.every((path) => existsSync(join(root, path)))) return { commit, root };
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  try {
    const archive = join(root, 'source.tar');
    await git('archive', `--output=${archive}`, commit, 'package.json', 'tsconfig.json', 'bot');
    await run('tar', ['-xf', archive, '-C', root]);
    await symlink(join(repository, 'node_modules'), join(root, 'node_modules'), 'dir');
    await run(
      process.execPath,
      [join(repository, 'node_modules/typescript/bin/tsc'), '-p', 'bot/tsconfig.build.json'],
      { cwd: root },
    );
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw new Error(`could not build the baseline ${ref} (${commit}): ${String(error)}`);
  }
  return { commit, root };
}
