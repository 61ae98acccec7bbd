import type { ChartKeys } from '../chart-keys.js';

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
