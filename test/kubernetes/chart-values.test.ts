import { describe, expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import { LOKI, MIMIR, TEMPO } from '../../dashboards/src/datasources.js';
import { OBJECT_STORAGE_CONFIGS } from '../../scripts/object-storage/configs.js';
import { loadBackendConfig } from '../support/backend-config.js';
import { KUBERNETES_DIR } from '../support/deploy-files.js';
import { asArray, dig } from '../support/parsed-document.js';
import { readRepoFile, readRepoYaml } from '../support/repo.js';
import { SERVICE_CONFIGS } from '../support/stack-files.js';
import {
  GRAFANA_KEYS,
  MIMIR_DISTRIBUTED_KEYS,
  TEMPO_DISTRIBUTED_KEYS,
  unknownChartKeys,
} from './support/chart-keys.js';
import { loadChartSchema } from './support/chart-schema.js';

const valuesFile = (chart: string) => `${KUBERNETES_DIR}/values/${chart}.yaml`;
const values = (chart: string): unknown => readRepoYaml(valuesFile(chart));
/** An object-storage merge patch without its deletions: what the charts must set. */
const patchSettings = (backend: keyof typeof OBJECT_STORAGE_CONFIGS): unknown =>
  JSON.parse(
    JSON.stringify(
      parseDocument(readRepoFile(OBJECT_STORAGE_CONFIGS[backend].patch)).toJS(),
      (_k, v) => (v === null ? undefined : v),
    ),
  );

describe('chart versions', () => {
  test.each([
    ['k8s-monitoring', 'grafana/k8s-monitoring --version 4.4.0'],
    ['loki', 'grafana-community/loki --version 18.11.0'],
    ['tempo-distributed', 'grafana-community/tempo-distributed --version 3.3.0'],
    ['mimir-distributed', 'grafana/mimir-distributed --version 6.2.0'],
    ['grafana', 'grafana-community/grafana --version 12.11.1'],
  ])('values/%s.yaml installs the pinned chart: %s', (chart, install) => {
    expect(readRepoFile(valuesFile(chart))).toContain(`helm install ${chart.split('-')[0]}`);
    expect(readRepoFile(valuesFile(chart))).toContain(install);
  });
});

describe('values against the charts’ own schemas', () => {
  const k8sMonitoring = loadChartSchema('k8s-monitoring-4.4.0.values.schema.json');
  const applicationObservability = loadChartSchema(
    'k8s-monitoring-4.4.0.feature-application-observability.values.schema.json',
  );
  const loki = loadChartSchema('loki-18.11.0.values.schema.json');

  test('k8s-monitoring 4.4.0 accepts values/k8s-monitoring.yaml', () => {
    const document = values('k8s-monitoring');
    const feature = dig(document, 'applicationObservability');
    expect(k8sMonitoring.errors(document)).toEqual([]);
    expect(applicationObservability.errors(feature)).toEqual([]);
  });

  test('values/k8s-monitoring.yaml sets only keys its schemas declare', () => {
    const document = values('k8s-monitoring');
    const feature = dig(document, 'applicationObservability');
    expect(k8sMonitoring.undeclaredKeys(document)).toEqual([]);
    // The subchart gets the parent's keys too (enabled, collector): those the parent declares.
    expect(
      applicationObservability
        .undeclaredKeys(feature)
        .filter((key) => !k8sMonitoring.declares(`applicationObservability.${key}`)),
    ).toEqual([]);
  });

  test('loki 18.11.0 accepts values/loki.yaml', () => {
    expect(loki.errors(values('loki'))).toEqual([]);
  });

  test('values/loki.yaml sets only keys its schema declares', () => {
    expect(loki.undeclaredKeys(values('loki'))).toEqual([]);
  });

  test.each([
    ['tempo-distributed', TEMPO_DISTRIBUTED_KEYS],
    ['mimir-distributed', MIMIR_DISTRIBUTED_KEYS],
    ['grafana', GRAFANA_KEYS],
  ] as const)('values/%s.yaml sets only keys of the chart’s default values', (chart, keys) => {
    expect(unknownChartKeys(values(chart), keys)).toEqual([]);
  });
});

describe('the charts store as the compose object-storage stack does', () => {
  test('tempo-distributed: storage.trace is the object-storage patch’s', () => {
    const trace = dig(patchSettings('tempo'), 'storage', 'trace');
    expect(dig(values('tempo-distributed'), 'storage', 'trace')).toEqual(trace);
  });

  test('mimir-distributed: structuredConfig holds the patch’s storage', () => {
    expect(dig(values('mimir-distributed'), 'mimir', 'structuredConfig')).toMatchObject(
      patchSettings('mimir') as Record<string, unknown>,
    );
  });

  test('loki: the chart’s storage keys name the patch’s bucket, schema and credentials', () => {
    const patch = patchSettings('loki');
    const loki = dig(values('loki'), 'loki');
    const s3 = dig(patch, 'common', 'storage', 's3');
    expect(dig(loki, 'storage', 'type')).toBe('s3');
    expect(dig(loki, 'storage', 'bucketNames', 'chunks')).toBe(dig(s3, 'bucketnames'));
    expect(dig(loki, 'storage', 's3')).toMatchObject({
      endpoint: dig(s3, 'endpoint'),
      accessKeyId: dig(s3, 'access_key_id'),
      secretAccessKey: dig(s3, 'secret_access_key'),
      s3ForcePathStyle: dig(s3, 's3forcepathstyle'),
    });
    expect(dig(loki, 'schemaConfig', 'configs')).toEqual(dig(patch, 'schema_config', 'configs'));
    expect(dig(loki, 'compactor', 'delete_request_store')).toBe(
      dig(patch, 'compactor', 'delete_request_store'),
    );
  });
});

// The local configs as their binaries read them with no .env: every `${VAR:-default}` at its default.
describe('the charts keep the local configs’ decisions', () => {
  test('mimir-distributed: the limits are infra/mimir/mimir.yaml’s (the OTLP naming the dashboards use)', () => {
    expect(dig(values('mimir-distributed'), 'mimir', 'structuredConfig', 'limits')).toEqual(
      dig(loadBackendConfig('mimir'), 'limits'),
    );
  });

  test('loki: limits_config is infra/loki/loki.yaml’s', () => {
    expect(dig(values('loki'), 'loki', 'limits_config')).toEqual(
      dig(loadBackendConfig('loki'), 'limits_config'),
    );
  });

  test('tempo-distributed: overrides and span-metric dimensions are infra/tempo/tempo.yaml’s', () => {
    const tempo = loadBackendConfig('tempo');
    const chart = values('tempo-distributed');
    expect(dig(chart, 'overrides', 'defaults')).toEqual(dig(tempo, 'overrides', 'defaults'));
    expect(
      dig(chart, 'metricsGenerator', 'config', 'processor', 'span_metrics', 'dimensions'),
    ).toEqual(dig(tempo, 'metrics_generator', 'processor', 'span_metrics', 'dimensions'));
    expect(dig(chart, 'metricsGenerator', 'config', 'registry')).toEqual(
      dig(tempo, 'metrics_generator', 'registry'),
    );
  });
});

describe('Grafana in the cluster', () => {
  test('has the datasources the dashboards and alert rules name, by uid and type', () => {
    const provisioned = asArray(
      dig(values('grafana'), 'datasources', 'datasources.yaml', 'datasources'),
    ).map((datasource) => ({ type: dig(datasource, 'type'), uid: dig(datasource, 'uid') }));
    expect(provisioned).toEqual([MIMIR, LOKI, TEMPO].map(({ type, uid }) => ({ type, uid })));
  });

  test('loads dashboards and alert rules from ConfigMaps (the sidecars)', () => {
    expect(dig(values('grafana'), 'sidecar', 'dashboards', 'enabled')).toBe(true);
    expect(dig(values('grafana'), 'sidecar', 'alerts', 'enabled')).toBe(true);
  });
});
