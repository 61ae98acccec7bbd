import { ExportResultCode } from '@opentelemetry/core';
import type { Resource } from '@opentelemetry/resources';
import type { ProfilingSettings } from '../../config/sections/profiling.js';
import type { DeliveryHealth } from '../delivery-health.js';
import { applicationName } from './profile-labels.js';

export interface Profiling {
  /** Uploads the last period and stops the profilers. */
  stop(): Promise<void>;
}

/**
 * Starts continuous profiling. The native profiler is loaded here and only here: a bot with
 * profiling off never loads it, and on a platform without its prebuilt binary the bot loses
 * its profiles, not its service (the failure is reported as the profiles signal failing).
 */
export function startProfiling(
  settings: ProfilingSettings,
  resource: Resource,
  health: DeliveryHealth,
): Profiling {
  const started = (async () => {
    const { ContinuousProfiler } = await import('./continuous-profiler.js');
    // The container detector answers asynchronously; the labels need all attributes.
    await resource.waitForAsyncAttributes?.();
    const profiler = new ContinuousProfiler(settings, applicationName(resource), health);
    profiler.start();
    return profiler;
  })().catch((error: unknown) => {
    health.record('profiles', {
      code: ExportResultCode.FAILED,
      error: error instanceof Error ? error : new Error(String(error)),
    });
    return undefined;
  });
  return { stop: async () => (await started)?.stop() };
}
