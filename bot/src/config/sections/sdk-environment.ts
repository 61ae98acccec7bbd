import { z } from 'zod';
import { got } from '../fields/echo.js';
import { integerAtLeast } from '../fields/integer.js';
import { defineSection } from '../section.js';

/**
 * Standard OpenTelemetry variables the SDK reads itself, checked here only so that a typo
 * stops the start with one line instead of being ignored or logged by the SDK later. The
 * values are the specification's; nothing here changes what the SDK does with them.
 */

const SIGNALS = ['', 'TRACES_', 'METRICS_', 'LOGS_'] as const;

/** `anyCase`: the SDK upper-cases the value itself (OTEL_LOG_LEVEL); others must be exact. */
const oneOf = (name: string, values: readonly string[], anyCase = false) =>
  z
    .string()
    .optional()
    .refine((raw) => raw === undefined || values.includes(anyCase ? raw.toLowerCase() : raw), {
      error: (issue) => `${name} must be one of ${values.join(', ')}, ${got(issue.input)}`,
    });

const listOf = (name: string, values: readonly string[]) =>
  z
    .string()
    .optional()
    .refine(
      (raw) =>
        raw === undefined ||
        raw
          .split(',')
          .map((item) => item.trim())
          .every((item) => item === '' || values.includes(item)),
      {
        error: (issue) =>
          `${name} must be a comma-separated list of ${values.join(', ')}, ${got(issue.input)}`,
      },
    );

// What this SDK builds (@opentelemetry/sdk-node create-from-env and utils): the others of the
// specification (jaeger_remote, xray, ottrace...) it would skip with a diagnostic.
const SAMPLERS = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
];
const PROPAGATORS = ['tracecontext', 'baggage', 'b3', 'b3multi', 'none'];
const LOG_LEVELS = ['none', 'error', 'warn', 'info', 'debug', 'verbose', 'all'];

export const sdkEnvironmentSection = defineSection(
  z.object({
    ...Object.fromEntries(
      SIGNALS.flatMap((signal) => {
        const timeout = `OTEL_EXPORTER_OTLP_${signal}TIMEOUT`;
        const compression = `OTEL_EXPORTER_OTLP_${signal}COMPRESSION`;
        return [
          // The spec's default, 10 s; only the form is checked.
          [timeout, integerAtLeast(timeout, 1, 10_000)],
          [compression, oneOf(compression, ['gzip', 'none'])],
        ];
      }),
    ),
    OTEL_TRACES_SAMPLER: oneOf('OTEL_TRACES_SAMPLER', SAMPLERS),
    // The ratio of the ratio samplers, the only ones that take an argument here.
    OTEL_TRACES_SAMPLER_ARG: z
      .string()
      .optional()
      .refine((raw) => raw === undefined || (/^\d*\.?\d+$/.test(raw) && Number(raw) <= 1), {
        error: (issue) =>
          `OTEL_TRACES_SAMPLER_ARG must be a ratio from 0 to 1, ${got(issue.input)}`,
      }),
    OTEL_PROPAGATORS: listOf('OTEL_PROPAGATORS', PROPAGATORS),
    OTEL_LOG_LEVEL: oneOf('OTEL_LOG_LEVEL', LOG_LEVELS, true),
  }),
  () => undefined,
  // The specification allows spaces around these values.
  { trim: true },
);
