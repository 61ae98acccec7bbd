import { describe, expect, test } from 'vitest';
import { type Backend, loadBackendConfig } from '../../harness/configs/backend-config.js';
import { SERVICE_CONFIGS } from '../../harness/repo/stack-files.js';
import { unmet } from './config-value.js';

/**
 * dskit's ring lifecycler holds /ready back for min_ready_duration (default 15 s) after an
 * instance joins its ring, so that other replicas see it before a rolling update moves on
 * (grafana/dskit ring/lifecycler.go, CheckReady). A single binary with one replica has no
 * one to wait for; left at the default, Loki's ingester and then its pattern ingester each
 * waited 15 s, and Loki answered /ready after ~31 s on every start (measured). The compose
 * stack has to be healthy within 45 s of `up`.
 */

const LIFECYCLERS: readonly (readonly [Backend, string])[] = [
  ['loki', 'ingester.lifecycler'],
  ['loki', 'pattern_ingester.lifecycler'],
  ['mimir', 'ingester.ring'],
];

describe('no ring lifecycler waits after being ready', () => {
  test.each(LIFECYCLERS)('%s: %s.min_ready_duration is 0s', (backend, lifecycler) => {
    expect(
      unmet(SERVICE_CONFIGS[backend], loadBackendConfig(backend), [
        {
          path: `${lifecycler}.min_ready_duration`,
          expected: '0s (one replica: nothing to wait for; the default is 15s)',
          accepts: (value) => value === '0s',
        },
      ]),
    ).toEqual([]);
  });
});
