import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { COLLECTOR_ITEMS, LOSS_COUNTERS } from './alloy-series.js';
import { roboshpeeDashboard, withRows } from './dashboard-defaults.js';
import { STACK_HEALTH_UID } from './dashboard-uids.js';
import { metricsStat, metricsTimeseries, thresholds, thresholdsFrom } from './panels.js';
import { rate } from './promql.js';

// Self-metrics the stack's components expose and Alloy scrapes into Mimir. Each name's
// upstream source is cited in stack-series.ts.

/** One query per signal; `how` tells series of the same component apart in the legend. */
const perSignal = (metric: (items: string) => string, by: string, how?: string) =>
  Object.entries(COLLECTOR_ITEMS).map(([signal, items]) => {
    const what = how === undefined ? signal : `${signal} ${how}`;
    return {
      expr: `sum by (${by}) (${rate(metric(items))})`,
      legend: by === 'component_id' ? `${what} {{component_id}}` : what,
    };
  });

const ANY_IS_BAD = thresholds({ value: 0.001, color: 'red' });

const alloy = [
  metricsTimeseries(
    {
      title: 'Alloy: items received',
      description:
        'Spans, metric points and log records per second that Alloy’s OTLP receiver accepted.',
      unit: 'cps',
      width: 8,
    },
    perSignal((items) => `otelcol_receiver_accepted_${items}_total`, 'component_id'),
  ),
  metricsTimeseries(
    {
      title: 'Alloy: items exported',
      description: 'Items per second each exporter delivered to Tempo, Loki or Mimir.',
      unit: 'cps',
      width: 8,
    },
    perSignal((items) => `otelcol_exporter_sent_${items}_total`, 'component_id'),
  ),
  metricsTimeseries(
    {
      title: 'Alloy: export queue fill',
      description:
        'How full each exporter’s retry queue is. A queue that stays full drops new data: its backend is slow or down.',
      unit: 'percentunit',
      width: 8,
    },
    [
      {
        expr: 'max by (component_id) (otelcol_exporter_queue_size) / max by (component_id) (otelcol_exporter_queue_capacity)',
        legend: '{{component_id}}',
      },
    ],
    thresholds({ value: 0.5, color: 'yellow' }, { value: 0.8, color: 'red' }),
  ),
  metricsTimeseries(
    {
      title: 'Alloy: items refused or failed',
      description:
        'Telemetry lost in Alloy, per signal: items the receiver refused, items exporters failed to send, and items dropped because an exporter’s queue was full. Anything above zero is data missing downstream; the "Telemetry dropped in Alloy" alert watches this.',
      unit: 'cps',
      width: 24,
    },
    Object.entries(LOSS_COUNTERS).flatMap(([how, counter]) =>
      perSignal(counter, 'component_id', how),
    ),
    ANY_IS_BAD,
  ),
];

const backends = [
  metricsTimeseries(
    {
      title: 'Ingestion rate',
      description:
        'What each backend accepted per second: Tempo spans, Loki log lines, Mimir samples.',
      unit: 'cps',
    },
    [
      { expr: `sum(${rate('tempo_distributor_spans_received_total')})`, legend: 'Tempo spans' },
      { expr: `sum(${rate('loki_distributor_lines_received_total')})`, legend: 'Loki lines' },
      {
        expr: `sum(${rate('cortex_distributor_received_samples_total')})`,
        legend: 'Mimir samples',
      },
    ],
  ),
  metricsTimeseries(
    {
      title: 'Rejected at ingestion',
      description:
        'Items a backend refused, by backend and reason (rate limits, too old, too large, invalid labels...).',
      unit: 'cps',
    },
    [
      {
        expr: `sum by (reason) (${rate('tempo_discarded_spans_total')})`,
        legend: 'Tempo {{reason}}',
      },
      {
        expr: `sum by (reason) (${rate('loki_discarded_samples_total')})`,
        legend: 'Loki {{reason}}',
      },
      {
        expr: `sum by (reason) (${rate('cortex_discarded_samples_total')})`,
        legend: 'Mimir {{reason}}',
      },
    ],
    ANY_IS_BAD,
  ),
  metricsTimeseries(
    {
      title: 'Mimir: local block storage',
      description: 'Bytes of TSDB blocks Mimir keeps on its volume.',
      unit: 'bytes',
      width: 8,
    },
    [{ expr: 'sum(cortex_ingester_tsdb_storage_blocks_bytes)', legend: 'blocks' }],
    thresholds({ value: 5 * 1024 ** 3, color: 'yellow' }, { value: 10 * 1024 ** 3, color: 'red' }),
  ),
  metricsTimeseries(
    {
      title: 'Loki: chunk bytes written',
      description: 'Bytes per second Loki writes to chunk storage: how fast its volume grows.',
      unit: 'Bps',
      width: 8,
    },
    [{ expr: `sum(${rate('loki_ingester_chunk_stored_bytes_total')})`, legend: 'chunks' }],
  ),
  metricsTimeseries(
    {
      title: 'Tempo: blocks in storage',
      description: 'Trace blocks in Tempo’s backend storage (its volume grows with this count).',
      unit: 'short',
      width: 8,
    },
    [{ expr: 'sum(tempodb_blocklist_length)', legend: 'blocks' }],
  ),
];

const targets = [
  metricsTimeseries(
    {
      title: 'Scrape targets up',
      description:
        'Each self-metrics endpoint Alloy scrapes: 1 when the last scrape succeeded, 0 when it failed.',
      unit: 'bool',
      width: 18,
    },
    [{ expr: 'min by (job, instance) (up)', legend: '{{job}} {{instance}}' }],
    thresholdsFrom('red', { value: 1, color: 'green' }),
  ),
  metricsStat(
    {
      title: 'Grafana up',
      description:
        'Grafana’s own build info series: present (1) while Grafana serves its metrics endpoint.',
      unit: 'bool',
    },
    { expr: 'max(grafana_build_info)', legend: 'grafana' },
    thresholdsFrom('red', { value: 1, color: 'green' }),
  ).noValue('down'),
];

export function stackHealth(): Dashboard {
  const builder = roboshpeeDashboard(
    STACK_HEALTH_UID,
    'RoboShpee / Stack health',
    'The observability stack itself: Alloy’s pipelines, what Tempo, Loki and Mimir ingest, reject and store, and which components are up.',
  );
  return withRows(builder, { 'Alloy pipelines': alloy, Backends: backends, Up: targets }).build();
}
