import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import {
  detectContainerRuntime,
  REQUIRE_CONTAINERS,
} from '../../harness/containers/container-runtime.js';
import { REPO_ROOT } from '../../harness/repo/repo.js';

/**
 * Runs once before the container suites: finds the container runtime (or says loudly why
 * there is none) and, when there is one, builds the bot the suites start.
 */
export default async function setup(project: TestProject): Promise<void> {
  const runtime = await detectContainerRuntime();
  const required = process.env[REQUIRE_CONTAINERS] === 'true';
  project.provide('containerRuntime', runtime);
  project.provide('containersRequired', required);
  if (!runtime.available && required) {
    throw new Error(`${REQUIRE_CONTAINERS}=true but ${runtime.reason}`);
  }
  if (!runtime.available) {
    console.warn(`\n[integration] SKIPPING every container suite: ${runtime.reason}\n`);
    return;
  }
  console.info(`[integration] container runtime: ${runtime.description}`);
  // The suites run the built bot (bot/dist), as `npm start` does.
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
}
