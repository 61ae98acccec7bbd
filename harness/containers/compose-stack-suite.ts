import { afterAll, beforeAll } from 'vitest';
import type { Environment } from '../compose/compose.js';
import { imageOf } from '../compose/compose-service.js';
import { type ComposeStack, startComposeStack } from './compose-stack.js';
import { containerSuite } from './container-suite.js';
import { stackFacts } from './stack-facts.js';
import { reportTiming } from './timings.js';

export interface ComposeStackSuite {
  readonly shouldRun: () => boolean;
  /** The started stack; throws when it did not start (the suite then fails in beforeAll). */
  readonly running: () => ComposeStack;
}

/**
 * The lifecycle of a suite that runs the whole compose stack: skipped without a runtime or
 * images, else `up` before the suite's own hooks (registered after this call) and `down`
 * with its volumes after it. `env`: settings of the suite's own, as a .env would give them.
 */
export function composeStackSuite(
  suite: string,
  purpose: string,
  env: Environment = {},
): ComposeStackSuite {
  const gate = containerSuite(() => {
    const facts = stackFacts();
    return [facts.tempo, facts.loki, facts.mimir, facts.alloy, facts.pyroscope, facts.grafana].map(
      (b) => imageOf(b.service),
    );
  });
  let stack: ComposeStack | undefined;
  beforeAll(async () => {
    if (!gate.shouldRun()) return;
    stack = await startComposeStack(stackFacts(), purpose, env);
    reportTiming(
      suite,
      'docker compose up (with the bot build) to every service healthy',
      stack.upMs,
    );
    reportTiming(suite, 'first container start to every service healthy', stack.startedToReadyMs);
  });
  afterAll(async () => {
    await stack?.environment.down({ removeVolumes: true });
  });
  return {
    shouldRun: gate.shouldRun,
    running: () => {
      if (stack === undefined) throw new Error('the compose stack did not start');
      return stack;
    },
  };
}
