import { spawnSync } from 'node:child_process';

/**
 * Renovate's own validator, run with npm exec rather than installed: Renovate is about 440
 * packages and 360 MB, far too much to add to the project's dependencies for one check. npm
 * fetches this pinned version once into its cache; install scripts stay off (the optional
 * RE2 binding then falls back to JavaScript regular expressions, which Renovate names in a
 * warning).
 */
export const RENOVATE = 'renovate@44.121.2';

export interface ValidatorRun {
  readonly status: number | null;
  readonly output: string;
}

/** `renovate-config-validator --strict` over the config files in `dir`, as Renovate finds them. */
export function validateRenovateConfig(dir: string): ValidatorRun {
  const run = spawnSync(
    'npm',
    ['exec', '--yes', `--package=${RENOVATE}`, '--', 'renovate-config-validator', '--strict'],
    {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        npm_config_ignore_scripts: 'true',
        npm_config_update_notifier: 'false',
      },
      timeout: 240_000,
    },
  );
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  if (run.error !== undefined || /npm (error|ERR!)/.test(output)) {
    throw new Error(
      `could not run renovate-config-validator (${RENOVATE}) through npm exec: it needs the npm registry once, then npm's cache: ${run.error?.message ?? output.slice(-500)}`,
    );
  }
  return { status: run.status, output };
}
