import type { Instrumentation } from '@opentelemetry/instrumentation';
import { HostMetricsInstrumentation } from '@opentelemetry/instrumentation-host-metrics';
import { RuntimeNodeInstrumentation } from '@opentelemetry/instrumentation-runtime-node';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { HOST_METRIC_GROUPS } from '../telemetry/semconv.js';
import { restSpanHooks } from './rest-span-hooks.js';

/**
 * The libraries the bot's telemetry hooks into: discord.js REST calls (undici, with the
 * interaction token scrubbed), the Node runtime and the host. None patches a module: the
 * logger writes trace ids and log records itself (telemetry/logger.ts).
 */
export function botInstrumentations(): Instrumentation[] {
  return [
    new UndiciInstrumentation(restSpanHooks),
    new RuntimeNodeInstrumentation(),
    new HostMetricsInstrumentation({ metricGroups: [...HOST_METRIC_GROUPS] }),
  ];
}
