/**
 * The value keys of the two pinned charts that ship no values.schema.json, as read upstream
 * (see each list): only the keys deploy/kubernetes sets, with the parents they need. A key
 * under one of `freeForm` is passed through by the chart's templates (`toYaml`), so the
 * backend's own config reference (infra/*, checked by test/stack) is what governs it.
 */
export interface ChartKeys {
  readonly chart: string;
  readonly source: string;
  readonly keys: readonly string[];
  readonly freeForm: readonly string[];
}

export const TEMPO_DISTRIBUTED_KEYS: ChartKeys = {
  chart: 'tempo-distributed 3.3.0',
  source:
    'grafana-community/helm-charts, tag tempo-distributed-3.3.0 (2785d07e), charts/tempo-distributed/values.yaml',
  keys: [
    'storage',
    'storage.trace',
    'storage.trace.backend',
    'global',
    'global.extraArgs',
    'global.extraEnvFrom',
    'ingest',
    'ingest.kafka',
    'ingest.kafka.address',
    'ingest.kafka.topic',
    'ingest.kafka.auto_create_topic_default_partitions',
    'blockBuilder',
    'blockBuilder.replicas',
    'liveStore',
    'liveStore.replicas',
    'traces',
    'traces.otlp',
    'traces.otlp.grpc',
    'traces.otlp.grpc.enabled',
    'metricsGenerator',
    'metricsGenerator.enabled',
    'metricsGenerator.config',
    'metricsGenerator.config.registry',
    'metricsGenerator.config.registry.external_labels',
    'metricsGenerator.config.registry.collection_interval',
    'metricsGenerator.config.processor',
    'metricsGenerator.config.processor.span_metrics',
    'metricsGenerator.config.processor.span_metrics.dimensions',
    'metricsGenerator.config.storage',
    'metricsGenerator.config.storage.remote_write',
    'overrides',
    'overrides.defaults',
  ],
  freeForm: [
    // `s3: {{- toYaml .Values.storage.trace.s3 }}` in the chart's `config` template.
    'storage.trace.s3',
    // Maps and lists whose default is empty and which the templates render whole.
    'metricsGenerator.config.registry.external_labels',
    'overrides.defaults',
  ],
};

export const MIMIR_DISTRIBUTED_KEYS: ChartKeys = {
  chart: 'mimir-distributed 6.2.0',
  // grafana/mimir is beyond the size this machine can fetch: these long-standing keys were
  // read in the stored copy of the file at commit 000dee89, an earlier chart version.
  source: 'grafana/mimir, operations/helm/charts/mimir-distributed/values.yaml (commit 000dee89)',
  keys: [
    'image',
    'image.tag',
    'mimir',
    'mimir.structuredConfig',
    'global',
    'global.extraEnvFrom',
    'minio',
    'minio.enabled',
  ],
  // Merged over the chart's generated Mimir config.
  freeForm: ['mimir.structuredConfig'],
};

/** Every key path of a values document, parents first (`a`, `a.b`, `a.b.c`). */
export function keyPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    return [path, ...keyPaths(child, path)];
  });
}

/** The paths of `values` that are neither keys of the chart nor under a free-form key. */
export function unknownChartKeys(values: unknown, chart: ChartKeys): string[] {
  return keyPaths(values).filter(
    (path) =>
      !chart.keys.includes(path) &&
      !chart.freeForm.some((root) => path === root || path.startsWith(`${root}.`)),
  );
}

export const GRAFANA_KEYS: ChartKeys = {
  chart: 'grafana 12.11.1',
  // Its sidecars' default labels there: sidecar.dashboards.label grafana_dashboard,
  // sidecar.alerts.label grafana_alert (any value).
  source:
    'grafana-community/helm-charts, tag grafana-12.11.1 (864f7794), charts/grafana/values.yaml',
  keys: [
    'image',
    'image.tag',
    'sidecar',
    'sidecar.dashboards',
    'sidecar.dashboards.enabled',
    'sidecar.alerts',
    'sidecar.alerts.enabled',
    'datasources',
  ],
  // Provisioning files, by file name, written as they are.
  freeForm: ['datasources'],
};
