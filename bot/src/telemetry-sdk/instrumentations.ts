import type { Instrumentation } from '@opentelemetry/instrumentation';
import { HostMetricsInstrumentation } from '@opentelemetry/instrumentation-host-metrics';
import { PinoInstrumentation } from '@opentelemetry/instrumentation-pino';
import { RuntimeNodeInstrumentation } from '@opentelemetry/instrumentation-runtime-node';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { HOST_METRIC_GROUPS } from '../contract/bot-metrics.js';
import { restSpanHooks } from './rest-span-hooks.js';

/**
 * The libraries the bot's telemetry hooks into: discord.js REST calls (undici, with the
 * interaction token scrubbed), pino (trace ids in every line; OTel log records only when
 * `sendLogs`, so that no line reaches Loki twice), the Node runtime and the host.
 */
export function botInstrumentations(sendLogs: boolean): Instrumentation[] {
  return [
    new UndiciInstrumentation(restSpanHooks),
    new PinoInstrumentation({ disableLogSending: !sendLogs }),
    new RuntimeNodeInstrumentation(),
    new HostMetricsInstrumentation({ metricGroups: [...HOST_METRIC_GROUPS] }),
  ];
}
