import { beforeAll, beforeEach, inject } from 'vitest';
import { missingImage, REQUIRE_CONTAINERS, type RuntimeAvailability } from './container-runtime.js';

declare module 'vitest' {
  export interface ProvidedContext {
    containerRuntime: RuntimeAvailability;
    containersRequired: boolean;
  }
}

export interface ContainerSuiteGate {
  /** False when the suite is skipped; a `beforeAll` that starts containers returns early then. */
  readonly shouldRun: () => boolean;
}

/**
 * Registers the skip logic of a container suite; call it first in the suite's `describe`.
 * With no runtime (found once by the global setup) or an image that is missing and cannot be
 * pulled, every test of the suite is reported as skipped with that reason; a runtime that is
 * there and a stack that then fails is a failure, never a skip.
 */
export function containerSuite(images: () => readonly string[]): ContainerSuiteGate {
  const runtime = inject('containerRuntime');
  let skipReason: string | undefined = runtime.available ? undefined : runtime.reason;
  beforeAll(async () => {
    if (skipReason === undefined) skipReason = await missingImage(images());
    if (skipReason !== undefined && inject('containersRequired')) {
      throw new Error(`${REQUIRE_CONTAINERS}=true but ${skipReason}`);
    }
  }, 900_000);
  let announced = false;
  beforeEach((context) => {
    if (skipReason === undefined) return;
    // One line per suite whatever the reporter, so a run's log says what did not run and why.
    if (!announced)
      console.warn(`[integration] SKIPPING "${context.task.suite?.name}": ${skipReason}`);
    announced = true;
    context.skip(skipReason);
  });
  return { shouldRun: () => skipReason === undefined };
}
