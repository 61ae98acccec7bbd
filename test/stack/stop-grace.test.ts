import { describe, expect, test } from 'vitest';
import { loadCompose, serviceNamed } from '../../harness/compose/compose.js';
import { goDurationSeconds } from '../../harness/compose/go-duration.js';
import { loadBackendConfig } from '../../harness/configs/backend-config.js';
import { COMPOSE_FILE, SERVICE_CONFIGS } from '../../harness/repo/stack-files.js';
import { valueAt } from './config-value.js';

/**
 * Tempo 3.0.3 does not exit on SIGTERM (measured: still running 3 minutes after it), so
 * `docker compose stop`, `restart` and `down` end it with SIGKILL once its stop grace
 * period runs out; its WAL brings every stored trace back on the next start (measured).
 * The grace period is therefore what these commands wait for: set on purpose, no longer
 * than compose's default, and long enough for a received trace to reach the WAL.
 */

const COMPOSE_DEFAULT_GRACE_SECONDS = 10;
const tempo = serviceNamed(loadCompose(), 'tempo');
const tempoConfig = loadBackendConfig('tempo');

function liveStoreSeconds(key: string, tempoDefault: string): number {
  return (
    goDurationSeconds(String(valueAt(tempoConfig, `live_store.${key}`) ?? tempoDefault)) ?? NaN
  );
}

describe(`${COMPOSE_FILE}: services.tempo.stop_grace_period`, () => {
  test('is set, so that stop, restart and down wait a known time for Tempo', () => {
    expect(
      tempo.stopGracePeriodSeconds,
      `${COMPOSE_FILE}: services.tempo.stop_grace_period: expected a duration such as 5s`,
    ).toBeDefined();
  });

  test("is no longer than compose's default: waiting for a process that never exits gains nothing", () => {
    expect(tempo.stopGracePeriodSeconds ?? Infinity).toBeLessThanOrEqual(
      COMPOSE_DEFAULT_GRACE_SECONDS,
    );
  });

  test(`outlasts the live store's cut of a received trace to its WAL (${SERVICE_CONFIGS.tempo})`, () => {
    const cut =
      liveStoreSeconds('max_trace_idle', '5s') + liveStoreSeconds('flush_check_period', '5s');
    expect(tempo.stopGracePeriodSeconds ?? 0).toBeGreaterThan(cut);
  });
});
