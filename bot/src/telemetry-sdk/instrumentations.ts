import { Module } from 'node:module';
import type { InstrumentationBase } from '@opentelemetry/instrumentation';
import { HostMetricsInstrumentation } from '@opentelemetry/instrumentation-host-metrics';
import { RuntimeNodeInstrumentation } from '@opentelemetry/instrumentation-runtime-node';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { HOST_METRIC_GROUPS } from '../contract/bot-metrics.js';
import { restSpanHooks } from './rest-span-hooks.js';

/**
 * The libraries the bot's telemetry hooks into: discord.js REST calls (undici, with the
 * interaction token scrubbed), the Node runtime and the host. None patches a module: the
 * logger writes trace ids and log records itself (telemetry/logger.ts), undici is observed
 * through diagnostics_channel.
 */
export function botInstrumentations(): InstrumentationBase[] {
  return withoutRequireHook(() => [
    new UndiciInstrumentation(restSpanHooks),
    new RuntimeNodeInstrumentation(),
    new HostMetricsInstrumentation({ metricGroups: [...HOST_METRIC_GROUPS] }),
  ]);
}

/**
 * Constructing any instrumentation installs require-in-the-middle's hook on every
 * `require` (resolving the filename of each call), whether or not one patches a module.
 * discord.js `require`s lazily in getters it runs on every reply, so the hook cost every
 * command. When no instrumentation patches a module, the hook is taken out again.
 */
function withoutRequireHook(create: () => InstrumentationBase[]): InstrumentationBase[] {
  const { require } = Module.prototype;
  const { getBuiltinModule } = process;
  const instrumentations = create();
  const patchesModules = instrumentations.some(
    (instrumentation) => instrumentation.getModuleDefinitions().length > 0,
  );
  if (!patchesModules) {
    Module.prototype.require = require;
    process.getBuiltinModule = getBuiltinModule;
  }
  return instrumentations;
}
