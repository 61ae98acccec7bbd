import type { ChartKeys } from '../chart-keys.js';

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
