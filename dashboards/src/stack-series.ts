/**
 * What the stack writes to Mimir besides the bot's own metrics: the series Tempo's metrics
 * generator derives from the spans, and the self-metrics of the components that the Stack
 * health dashboard and the alerts query. Labels are as Mimir stores them; the checks in
 * dashboards/test confirm each against the configs under infra/. The bot knows none of
 * this: it lives with the dashboards that query it (bot/README.md's tables and the container
 * suites read it too).
 */
export interface StackMetricDeclaration {
  readonly name: string;
  /** A histogram is `<name>_bucket`, `_sum` and `_count` (Tempo writes classic histograms). */
  readonly type: 'counter' | 'gauge' | 'histogram';
  readonly labels: readonly string[];
  /** Where upstream defines the name and labels, at the tags compose.yaml pins. */
  readonly source: string;
}

/**
 * Tempo's metrics generator (grafana/tempo v3.0.3 modules/generator) as infra/tempo/tempo.yaml
 * configures it: the registry adds `__metrics_gen_instance` and the external label `source`;
 * span metrics carry the intrinsic dimensions and `command.outcome`, service graphs the
 * client and server of each edge.
 */
const SPAN_METRIC_LABELS = [
  '__metrics_gen_instance',
  'source',
  'service',
  'span_name',
  'span_kind',
  'status_code',
  'command_outcome',
];
const SERVICE_GRAPH_LABELS = [
  '__metrics_gen_instance',
  'source',
  'client',
  'server',
  'connection_type',
];
const SPAN_METRICS = 'grafana/tempo v3.0.3 modules/generator/processor/spanmetrics/spanmetrics.go';
const SERVICE_GRAPHS =
  'grafana/tempo v3.0.3 modules/generator/processor/servicegraphs/servicegraphs.go';

export const TEMPO_GENERATED = {
  spanMetrics: {
    calls: {
      name: 'traces_spanmetrics_calls_total',
      type: 'counter',
      labels: SPAN_METRIC_LABELS,
      source: SPAN_METRICS,
    },
    size: {
      name: 'traces_spanmetrics_size_total',
      type: 'counter',
      labels: SPAN_METRIC_LABELS,
      source: SPAN_METRICS,
    },
    latency: {
      name: 'traces_spanmetrics_latency',
      type: 'histogram',
      labels: SPAN_METRIC_LABELS,
      source: SPAN_METRICS,
    },
  },
  serviceGraphs: {
    requests: {
      name: 'traces_service_graph_request_total',
      type: 'counter',
      labels: SERVICE_GRAPH_LABELS,
      source: SERVICE_GRAPHS,
    },
    failedRequests: {
      name: 'traces_service_graph_request_failed_total',
      type: 'counter',
      labels: SERVICE_GRAPH_LABELS,
      source: SERVICE_GRAPHS,
    },
    serverSeconds: {
      name: 'traces_service_graph_request_server_seconds',
      type: 'histogram',
      labels: SERVICE_GRAPH_LABELS,
      source: SERVICE_GRAPHS,
    },
    clientSeconds: {
      name: 'traces_service_graph_request_client_seconds',
      type: 'histogram',
      labels: SERVICE_GRAPH_LABELS,
      source: SERVICE_GRAPHS,
    },
  },
} as const satisfies Record<string, Record<string, StackMetricDeclaration>>;

/** A component whose self-metrics Alloy scrapes; scraped series also get `job` and `instance`. */
export interface StackComponent {
  /** How Alloy's config reaches the component: a scrape address or its self exporter. */
  readonly scrapedVia: string;
  readonly metrics: readonly StackMetricDeclaration[];
}

/**
 * Self-metrics, with the labels their code gives them and the file that defines each name
 * (Alloy against v1.18.1 docs, and the collector version Alloy v1.19 builds with where its
 * docs say nothing).
 */
const OTELCOL_RECEIVER =
  'open-telemetry/opentelemetry-collector receiver/receiverhelper/internal/metadata/generated_telemetry.go; grafana/alloy docs/sources/reference/components/otelcol/otelcol.receiver.otlp.md';
const OTELCOL_EXPORTER =
  'open-telemetry/opentelemetry-collector exporter/exporterhelper/internal/metadata/generated_telemetry.go; grafana/alloy docs/sources/reference/components/otelcol/otelcol.exporter.otlp.md';
// Not in Alloy's docs: exporterhelper v0.158.0 (the version grafana/alloy v1.19 go.mod
// requires) defines the monotonic counter otelcol_exporter_enqueue_failed_<items>, and
// Alloy's OTel-to-Prometheus bridge (internal/component/otelcol/exporter/exporter.go,
// sdkprometheus.New without WithoutCounterSuffixes) adds _total, as for send_failed.
const OTELCOL_EXPORTER_QUEUE =
  'open-telemetry/opentelemetry-collector v0.158.0 exporter/exporterhelper/internal/metadata/generated_telemetry.go (ExporterEnqueueFailed*); grafana/alloy v1.19 internal/component/otelcol/exporter/exporter.go';
// grafana/alloy internal/runtime/internal/controller/node_builtin_component.go wraps every
// component's registry with these labels.
const ALLOY_COMPONENT = ['component_id', 'component_path'];
const SIGNAL_ITEMS = ['spans', 'metric_points', 'log_records'] as const;

export const STACK_COMPONENTS = {
  alloy: {
    scrapedVia: 'prometheus.exporter.self',
    metrics: [
      ...SIGNAL_ITEMS.flatMap((items) => [
        {
          name: `otelcol_receiver_accepted_${items}_total`,
          type: 'counter' as const,
          labels: [...ALLOY_COMPONENT, 'receiver', 'transport'],
          source: OTELCOL_RECEIVER,
        },
        {
          name: `otelcol_receiver_refused_${items}_total`,
          type: 'counter' as const,
          labels: [...ALLOY_COMPONENT, 'receiver', 'transport'],
          source: OTELCOL_RECEIVER,
        },
        {
          name: `otelcol_exporter_sent_${items}_total`,
          type: 'counter' as const,
          labels: [...ALLOY_COMPONENT, 'exporter'],
          source: OTELCOL_EXPORTER,
        },
        {
          name: `otelcol_exporter_send_failed_${items}_total`,
          type: 'counter' as const,
          labels: [...ALLOY_COMPONENT, 'exporter'],
          source: OTELCOL_EXPORTER,
        },
        {
          name: `otelcol_exporter_enqueue_failed_${items}_total`,
          type: 'counter' as const,
          labels: [...ALLOY_COMPONENT, 'exporter'],
          source: OTELCOL_EXPORTER_QUEUE,
        },
      ]),
      {
        name: 'otelcol_exporter_queue_size',
        type: 'gauge',
        labels: [...ALLOY_COMPONENT, 'exporter', 'data_type'],
        source: OTELCOL_EXPORTER,
      },
      {
        name: 'otelcol_exporter_queue_capacity',
        type: 'gauge',
        labels: [...ALLOY_COMPONENT, 'exporter', 'data_type'],
        source: OTELCOL_EXPORTER,
      },
    ],
  },
  tempo: {
    scrapedVia: 'tempo:3200',
    metrics: [
      {
        name: 'tempo_distributor_spans_received_total',
        type: 'counter',
        labels: ['tenant'],
        source: 'grafana/tempo v3.0.3 modules/distributor/distributor.go',
      },
      {
        name: 'tempo_discarded_spans_total',
        type: 'counter',
        labels: ['reason', 'tenant'],
        source: 'grafana/tempo v3.0.3 modules/overrides/discarded_spans.go',
      },
      {
        name: 'tempodb_blocklist_length',
        type: 'gauge',
        labels: ['tenant'],
        source: 'grafana/tempo v3.0.3 tempodb/blocklist/poller.go',
      },
    ],
  },
  loki: {
    scrapedVia: 'loki:3100',
    metrics: [
      {
        name: 'loki_distributor_lines_received_total',
        type: 'counter',
        labels: ['tenant', 'is_internal_stream', 'policy', 'format'],
        source: 'grafana/loki v3.7 pkg/loghttp/push/push.go',
      },
      {
        name: 'loki_discarded_samples_total',
        type: 'counter',
        labels: ['reason', 'tenant', 'retention_hours', 'policy', 'format'],
        source: 'grafana/loki v3.7 pkg/validation/validate.go',
      },
      {
        name: 'loki_ingester_chunk_stored_bytes_total',
        type: 'counter',
        labels: ['tenant'],
        source: 'grafana/loki v3.7 pkg/ingester/metrics.go',
      },
    ],
  },
  mimir: {
    scrapedVia: 'mimir:9009',
    metrics: [
      {
        name: 'cortex_distributor_received_samples_total',
        type: 'counter',
        labels: ['user'],
        source: 'grafana/mimir pkg/distributor/distributor.go',
      },
      {
        name: 'cortex_discarded_samples_total',
        type: 'counter',
        labels: ['reason', 'user', 'group'],
        source: 'grafana/mimir pkg/util/validation/validate.go (DiscardedSamplesCounter)',
      },
      {
        name: 'cortex_ingester_tsdb_storage_blocks_bytes',
        type: 'gauge',
        labels: ['user'],
        source: 'grafana/mimir pkg/ingester/metrics.go (tsdbBlocksBytes)',
      },
    ],
  },
  grafana: {
    scrapedVia: 'grafana:3000',
    metrics: [
      {
        name: 'grafana_build_info',
        type: 'gauge',
        labels: ['version', 'revision', 'branch', 'goversion', 'edition'],
        source: 'grafana/grafana pkg/infra/metrics/metrics.go (grafanaBuildVersion)',
      },
    ],
  },
} as const satisfies Record<string, StackComponent>;

/** What every scrape writes besides the scraped metrics. */
export const SCRAPE_UP: StackMetricDeclaration = {
  name: 'up',
  type: 'gauge',
  labels: ['job', 'instance'],
  source: 'prometheus.scrape in infra/alloy/config.alloy',
};
