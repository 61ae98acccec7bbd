import { z } from 'zod';
import { booleanFlag } from '../fields/boolean-flag.js';
import { defineSection } from '../section.js';

/** Whether the SDK runs at all, and whether log records go over OTLP too. */
export const sdkSwitchesSection = defineSection(
  z.object({
    // Read as the OpenTelemetry SDK itself reads it (any case, spaces ignored, else false),
    // so that the preload and NodeSDK never disagree.
    OTEL_SDK_DISABLED: z
      .string()
      .optional()
      .transform((raw) => raw?.trim().toLowerCase() === 'true'),
    // Off by default where journald already keeps stdout; compose turns it on.
    ROBOSHPEE_OTLP_LOGS: booleanFlag('ROBOSHPEE_OTLP_LOGS'),
  }),
  (values) => ({
    disabled: values.OTEL_SDK_DISABLED,
    otlpLogs: values.ROBOSHPEE_OTLP_LOGS ?? false,
  }),
);
