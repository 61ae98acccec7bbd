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
 * The three ways Alloy loses telemetry: its receiver refused the items (memory limiter), an
 * exporter gave up sending them (retries exhausted), or an exporter's sending queue was full
 * and the batch never got in (a backend down longer than the queue holds). The stack
 * dashboard's loss panel and the "Telemetry dropped in Alloy" alert read the same counters.
 */
export const receiverRefused = (items: string): string => `otelcol_receiver_refused_${items}_total`;
export const exporterSendFailed = (items: string): string =>
  `otelcol_exporter_send_failed_${items}_total`;
export const exporterEnqueueFailed = (items: string): string =>
  `otelcol_exporter_enqueue_failed_${items}_total`;

/** Every loss counter, by how the items were lost (the loss panel's legend). */
export const LOSS_COUNTERS = {
  refused: receiverRefused,
  'send failed': exporterSendFailed,
  'queue full': exporterEnqueueFailed,
} as const;
