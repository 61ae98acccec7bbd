import { z } from 'zod';
import { optionalHttpUrl } from '../fields/http-url.js';
import { defineSection } from '../section.js';

/** The exporters' default: the OTLP gRPC port on this machine. */
const DEFAULT_ENDPOINT = 'http://localhost:4317';

// The exporters would take any string and retry `dns:not-a-url` forever: the form is checked
// here, so that a typo stops the start instead. A value with credentials in it is not quoted
// back whole.
const endpoint = (name: string) =>
  optionalHttpUrl(name, {
    expected: 'an http:// or https:// URL such as http://localhost:4317',
    echo: 'unless-credentials',
  });

/**
 * Where each signal is exported to: checked here, shown in the start line and the
 * telemetry's own log lines; the OTLP exporters read the variables themselves.
 */
export const exportEndpointsSection = defineSection(
  z.object({
    OTEL_EXPORTER_OTLP_ENDPOINT: endpoint('OTEL_EXPORTER_OTLP_ENDPOINT'),
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: endpoint('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'),
    OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: endpoint('OTEL_EXPORTER_OTLP_METRICS_ENDPOINT'),
    OTEL_EXPORTER_OTLP_LOGS_ENDPOINT: endpoint('OTEL_EXPORTER_OTLP_LOGS_ENDPOINT'),
  }),
  (values) => {
    const shared = values.OTEL_EXPORTER_OTLP_ENDPOINT ?? DEFAULT_ENDPOINT;
    return {
      traces: values.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? shared,
      metrics: values.OTEL_EXPORTER_OTLP_METRICS_ENDPOINT ?? shared,
      logs: values.OTEL_EXPORTER_OTLP_LOGS_ENDPOINT ?? shared,
    };
  },
  // The OTel specification allows spaces around these values.
  { trim: true },
);
