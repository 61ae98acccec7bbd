import { z } from 'zod';
import { defineSection } from '../section.js';

/** The exporters' default: the OTLP gRPC port on this machine. */
const DEFAULT_ENDPOINT = 'http://localhost:4317';

/**
 * Where each signal is exported to, for the telemetry's own log lines only: the OTLP
 * exporters read and check these variables themselves.
 */
export const exportEndpointsSection = defineSection(
  z.object({
    OTEL_EXPORTER_OTLP_ENDPOINT: z.string().optional(),
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.string().optional(),
    OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: z.string().optional(),
    OTEL_EXPORTER_OTLP_LOGS_ENDPOINT: z.string().optional(),
  }),
  (values) => {
    const shared = values.OTEL_EXPORTER_OTLP_ENDPOINT ?? DEFAULT_ENDPOINT;
    return {
      traces: values.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? shared,
      metrics: values.OTEL_EXPORTER_OTLP_METRICS_ENDPOINT ?? shared,
      logs: values.OTEL_EXPORTER_OTLP_LOGS_ENDPOINT ?? shared,
    };
  },
);
