import type { ChartKeys } from '../chart-keys.js';

const REPLICAS = { type: 'integer' } as const;
const STRING = { type: 'string' } as const;
const BOOLEAN = { type: 'boolean' } as const;
/** The components deploy/kubernetes sizes, each with a top-level `replicas`. */
const COMPONENTS = [
  'ingester',
  'distributor',
  'querier',
  'queryFrontend',
  'queryScheduler',
  'compactor',
  'indexGateway',
  'patternIngester',
  'singleBinary',
  'backend',
  'read',
  'write',
] as const;

export const LOKI_KEYS: ChartKeys = {
  chart: 'loki 18.11.0',
  // The types are those its values.schema.json gives these keys at the same tag; the
  // storage keys, which that schema leaves open, are those its templates read.
  source:
    'grafana-community/helm-charts, tag loki-18.11.0 (3386a115), charts/loki/values.yaml ' +
    'and templates/_helpers.tpl (loki.commonStorageConfig, loki.isUsingObjectStorage)',
  keys: [
    'deploymentMode',
    'loki',
    'loki.image',
    'loki.image.tag',
    'loki.auth_enabled',
    'loki.schemaConfig',
    'loki.storage',
    'loki.storage.type',
    // Only chunks and ruler: the templates read no other bucket name.
    'loki.storage.bucketNames',
    'loki.storage.bucketNames.chunks',
    'loki.storage.bucketNames.ruler',
    'loki.storage.s3',
    'loki.storage.s3.endpoint',
    'loki.storage.s3.accessKeyId',
    'loki.storage.s3.secretAccessKey',
    'loki.storage.s3.s3ForcePathStyle',
    'loki.storage.s3.insecure',
    'loki.limits_config',
    'loki.compactor',
    'loki.pattern_ingester',
    'defaults',
    'defaults.extraArgs',
    'defaults.extraEnvFrom',
    ...COMPONENTS.flatMap((component) => [component, `${component}.replicas`]),
    'patternIngester.enabled',
    'minio',
    'minio.enabled',
  ],
  // Rendered whole into Loki's config (`tpl (. | toYaml)`, `toYaml`).
  freeForm: ['loki.schemaConfig', 'loki.limits_config', 'loki.compactor', 'loki.pattern_ingester'],
  values: {
    // The modes values.yaml lists above deploymentMode, and the names the templates compare.
    deploymentMode: {
      oneOf: [
        'SingleBinary',
        'Monolithic',
        'SimpleScalable',
        'Distributed',
        'SingleBinary<->SimpleScalable',
        'Monolithic<->SimpleScalable',
        'SimpleScalable<->Distributed',
      ],
    },
    'loki.image.tag': STRING,
    'loki.auth_enabled': BOOLEAN,
    // The object stores `loki.isUsingObjectStorage` knows: with any other type the chart
    // falls back to the filesystem, which deploymentMode Distributed cannot run on.
    'loki.storage.type': { oneOf: ['s3', 'gcs', 'azure', 'swift', 'alibabacloud', 'cos', 'bos'] },
    'loki.storage.bucketNames.chunks': STRING,
    'loki.storage.bucketNames.ruler': STRING,
    'loki.storage.s3.endpoint': STRING,
    'loki.storage.s3.accessKeyId': STRING,
    'loki.storage.s3.secretAccessKey': STRING,
    'loki.storage.s3.s3ForcePathStyle': BOOLEAN,
    'loki.storage.s3.insecure': BOOLEAN,
    'defaults.extraArgs': { type: 'array' },
    'defaults.extraEnvFrom': { type: 'array' },
    ...Object.fromEntries(COMPONENTS.map((component) => [`${component}.replicas`, REPLICAS])),
    'patternIngester.enabled': BOOLEAN,
    'minio.enabled': BOOLEAN,
  },
};
