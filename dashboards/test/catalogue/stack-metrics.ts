import { stripComments } from '../../../test/support/alloy-config.js';
import { readRepoFile } from '../../../test/support/repo.js';
import { ALLOY_CONFIG } from '../../../test/support/stack-files.js';
import type { SeriesFamily } from './types.js';

/**
 * Self-metrics of the stack's components that the Stack health dashboard and the alerts
 * query, with the labels their code gives them and the file that defines each name, at the
 * tags compose.yaml pins (names checked against those sources; Alloy against v1.18.1 docs,
 * and the collector version Alloy v1.19 builds with where its docs say nothing).
 * Scraped series also get `job` and `instance` from Alloy's `prometheus.scrape`.
 */
interface Component {
  /** How Alloy's config reaches the component: a scrape address or its self exporter. */
  readonly scrapedVia: string;
  readonly metrics: readonly {
    readonly name: string;
    readonly labels: readonly string[];
    readonly source: string;
  }[];
}

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

export const COMPONENTS: Readonly<Record<string, Component>> = {
  alloy: {
    scrapedVia: 'prometheus.exporter.self',
    metrics: [
      ...SIGNAL_ITEMS.flatMap((items) => [
        {
          name: `otelcol_receiver_accepted_${items}_total`,
          labels: [...ALLOY_COMPONENT, 'receiver', 'transport'],
          source: OTELCOL_RECEIVER,
        },
        {
          name: `otelcol_receiver_refused_${items}_total`,
          labels: [...ALLOY_COMPONENT, 'receiver', 'transport'],
          source: OTELCOL_RECEIVER,
        },
        {
          name: `otelcol_exporter_sent_${items}_total`,
          labels: [...ALLOY_COMPONENT, 'exporter'],
          source: OTELCOL_EXPORTER,
        },
        {
          name: `otelcol_exporter_send_failed_${items}_total`,
          labels: [...ALLOY_COMPONENT, 'exporter'],
          source: OTELCOL_EXPORTER,
        },
        {
          name: `otelcol_exporter_enqueue_failed_${items}_total`,
          labels: [...ALLOY_COMPONENT, 'exporter'],
          source: OTELCOL_EXPORTER_QUEUE,
        },
      ]),
      {
        name: 'otelcol_exporter_queue_size',
        labels: [...ALLOY_COMPONENT, 'exporter', 'data_type'],
        source: OTELCOL_EXPORTER,
      },
      {
        name: 'otelcol_exporter_queue_capacity',
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
        labels: ['tenant'],
        source: 'grafana/tempo v3.0.3 modules/distributor/distributor.go',
      },
      {
        name: 'tempo_discarded_spans_total',
        labels: ['reason', 'tenant'],
        source: 'grafana/tempo v3.0.3 modules/overrides/discarded_spans.go',
      },
      {
        name: 'tempodb_blocklist_length',
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
        labels: ['tenant', 'is_internal_stream', 'policy', 'format'],
        source: 'grafana/loki v3.7 pkg/loghttp/push/push.go',
      },
      {
        name: 'loki_discarded_samples_total',
        labels: ['reason', 'tenant', 'retention_hours', 'policy', 'format'],
        source: 'grafana/loki v3.7 pkg/validation/validate.go',
      },
      {
        name: 'loki_ingester_chunk_stored_bytes_total',
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
        labels: ['user'],
        source: 'grafana/mimir pkg/distributor/distributor.go',
      },
      {
        name: 'cortex_discarded_samples_total',
        labels: ['reason', 'user', 'group'],
        source: 'grafana/mimir pkg/util/validation/validate.go (DiscardedSamplesCounter)',
      },
      {
        name: 'cortex_ingester_tsdb_storage_blocks_bytes',
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
        labels: ['version', 'revision', 'branch', 'goversion', 'edition'],
        source: 'grafana/grafana pkg/infra/metrics/metrics.go (grafanaBuildVersion)',
      },
    ],
  },
};

/** The Alloy config without its comments, so a commented-out scrape does not count. */
const alloyConfig = (): string => stripComments(readRepoFile(ALLOY_CONFIG));

/** Whether the stack's Alloy config scrapes this component's metrics into Mimir. */
export const isScraped = (component: Component): boolean => {
  const config = alloyConfig();
  return component.scrapedVia.includes(':')
    ? config.includes(`"${component.scrapedVia}"`)
    : config.includes(component.scrapedVia);
};

/** Self-metrics of every component Alloy scrapes, plus `up`, which the scrape itself writes. */
export function stackSeries(): SeriesFamily[] {
  const scraped = Object.values(COMPONENTS).filter(isScraped);
  const families: SeriesFamily[] = scraped.flatMap((component) =>
    component.metrics.map(({ name, labels, source }) => ({
      name,
      labels: new Set([...labels, 'job', 'instance']),
      source: `${source}, scraped via ${component.scrapedVia} in ${ALLOY_CONFIG}`,
    })),
  );
  if (scraped.length > 0) {
    families.push({
      name: 'up',
      labels: new Set(['job', 'instance']),
      source: `prometheus.scrape in ${ALLOY_CONFIG}`,
    });
  }
  return families;
}
