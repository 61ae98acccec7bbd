import { describe, expect, test } from 'vitest';
import { loadCompose, serviceNamed } from '../../harness/compose/compose.js';
import { goDurationSeconds } from '../../harness/compose/go-duration.js';
import { loadBackendConfig } from '../../harness/configs/backend-config.js';
import { COMPOSE_FILE, SERVICE_CONFIGS } from '../../harness/repo/stack-files.js';
import { valueAt } from './config-value.js';

/**
 * `docker compose stop`, `restart` and `down` send SIGTERM and kill a service whose stop
 * grace period runs out. What Tempo 3.0.3 did on SIGTERM, measured: idle in a container it
 * exited cleanly 31 s later; run natively with data (no Mimir to flush span metrics to) it
 * was still running 3 minutes later, and after SIGKILL came back with every trace (WAL replay).
 * Its waits on the way out, read in grafana/tempo v3.0.3:
 * - the backend worker asks its (already stopped) scheduler for jobs until
 *   backend_worker.finish_on_shutdown_timeout (default 30s) runs out, plus up to 1 s of
 *   jitter (modules/backendworker/backendworker.go, createShutdownContext and
 *   callSchedulerWithBackoff);
 * - the metrics generator flushes span metrics to Mimir for up to
 *   metrics_generator.storage.remote_write_flush_deadline (default 1m; modules/generator/
 *   storage/instance.go, Prometheus's shards.stop);
 * - the live store writes every trace it holds to its WAL (modules/livestore/live_store.go,
 *   stopping: cutAllInstancesToWal), which is what a kill after the grace period relies on.
 * The grace period outlasts the bounded waits, so that Tempo stops cleanly when it can.
 */

const tempo = serviceNamed(loadCompose(), 'tempo');
const tempoConfig = loadBackendConfig('tempo');
const JITTER_SECONDS = 1;

function seconds(path: string, tempoDefault: string): number {
  return goDurationSeconds(String(valueAt(tempoConfig, path) ?? tempoDefault)) ?? NaN;
}

describe(`${COMPOSE_FILE}: services.tempo.stop_grace_period`, () => {
  test('is set, so that stop, restart and down wait a known time for Tempo', () => {
    expect(
      tempo.stopGracePeriodSeconds,
      `${COMPOSE_FILE}: services.tempo.stop_grace_period: expected a duration such as 10s`,
    ).toBeDefined();
  });

  test(`outlasts Tempo's bounded waits on SIGTERM (${SERVICE_CONFIGS.tempo})`, () => {
    const waits =
      seconds('backend_worker.finish_on_shutdown_timeout', '30s') +
      JITTER_SECONDS +
      seconds('metrics_generator.storage.remote_write_flush_deadline', '1m');
    expect(
      tempo.stopGracePeriodSeconds ?? 0,
      `${COMPOSE_FILE}: services.tempo.stop_grace_period: expected more than the ${waits} s that ${SERVICE_CONFIGS.tempo}'s shutdown waits can take (backend_worker.finish_on_shutdown_timeout, metrics_generator.storage.remote_write_flush_deadline)`,
    ).toBeGreaterThan(waits);
  });

  test(`outlasts the live store's cut of a received trace to its WAL (${SERVICE_CONFIGS.tempo})`, () => {
    const cut =
      seconds('live_store.max_trace_idle', '5s') + seconds('live_store.flush_check_period', '5s');
    expect(tempo.stopGracePeriodSeconds ?? 0).toBeGreaterThan(cut);
  });

  test('keeps `docker compose down` short: at most 30 s for Tempo', () => {
    expect(tempo.stopGracePeriodSeconds ?? Infinity).toBeLessThanOrEqual(30);
  });
});
