import { describe, expect, test } from 'vitest';
import { goDurationSeconds } from '../../harness/compose/go-duration.js';
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

/**
 * Loki's query frontend answers /ready only once it is connected to a query scheduler, and
 * its scheduler worker looks for schedulers (in the scheduler ring, which a single binary
 * uses when no scheduler address is set) on a ticker of frontend.scheduler_dns_lookup_period,
 * default 10 s, whose first tick comes one period after start (grafana/loki v3.7.6
 * pkg/lokifrontend/frontend/v2/frontend.go CheckReady, pkg/util/ring_watcher.go watchLoop,
 * pkg/loki/config_wrapper.go). Measured with Loki 3.7.6 and this config: /ready after 10.7 to
 * 11.5 s with the default, 2.1 s with 1 s.
 */
describe("Loki's query frontend finds its scheduler within seconds", () => {
  test('frontend.scheduler_dns_lookup_period is at most 2s', () => {
    expect(
      unmet(SERVICE_CONFIGS.loki, loadBackendConfig('loki'), [
        {
          path: 'frontend.scheduler_dns_lookup_period',
          expected: 'at most 2s (the default, 10s, holds /ready back about 10 s on every start)',
          accepts: (value) => (goDurationSeconds(String(value ?? '10s')) ?? Infinity) <= 2,
        },
      ]),
    ).toEqual([]);
  });
});
