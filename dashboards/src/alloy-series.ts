/**
 * How the OpenTelemetry collector inside Alloy names the items of each signal in its
 * pipeline metrics (`otelcol_receiver_accepted_spans_total`, ...).
 */
export const COLLECTOR_ITEMS = {
  traces: 'spans',
  metrics: 'metric_points',
  logs: 'log_records',
} as const;

/**
 * The two ways Alloy loses telemetry: its receiver refused the items (memory limiter) or an
 * exporter gave up on them. The stack dashboard's loss panel and the "Telemetry dropped in
 * Alloy" alert read the same counters.
 */
export const receiverRefused = (items: string): string => `otelcol_receiver_refused_${items}_total`;
export const exporterSendFailed = (items: string): string =>
  `otelcol_exporter_send_failed_${items}_total`;
