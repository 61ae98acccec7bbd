import { describe, expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import * as dashboardDatasources from '../../dashboards/src/datasources.js';
import { loadBackendConfig } from '../../harness/configs/backend-config.js';
import { generatedDashboards } from '../../harness/dashboards/generated-dashboards.js';
import {
  type ChartKeys,
  unknownChartKeys,
  wrongChartValues,
} from '../../harness/kubernetes/chart-keys.js';
import { KUBERNETES_DIR } from '../../harness/repo/deploy-files.js';
import { asArray, dig, isRecord } from '../../harness/repo/parsed-document.js';
import { readRepoFile, readRepoYaml } from '../../harness/repo/repo.js';
import { OBJECT_STORAGE_CONFIGS } from '../../scripts/object-storage/configs.js';
import { GRAFANA_KEYS } from './fixtures/charts/grafana.js';
import { K8S_MONITORING_KEYS } from './fixtures/charts/k8s-monitoring.js';
import { LOKI_KEYS } from './fixtures/charts/loki.js';
import { MIMIR_DISTRIBUTED_KEYS } from './fixtures/charts/mimir-distributed.js';
import { TEMPO_DISTRIBUTED_KEYS } from './fixtures/charts/tempo-distributed.js';

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

const CHARTS: readonly (readonly [string, ChartKeys])[] = [
  ['k8s-monitoring', K8S_MONITORING_KEYS],
  ['loki', LOKI_KEYS],
  ['tempo-distributed', TEMPO_DISTRIBUTED_KEYS],
  ['mimir-distributed', MIMIR_DISTRIBUTED_KEYS],
  ['grafana', GRAFANA_KEYS],
];

describe('values against the keys read in the pinned charts', () => {
  test.each(CHARTS)('values/%s.yaml sets only keys of the chart', (chart, keys) => {
    expect(unknownChartKeys(values(chart), keys)).toEqual([]);
  });

  test.each(CHARTS)('values/%s.yaml gives those keys values the chart takes', (chart, keys) => {
    expect(wrongChartValues(values(chart), keys)).toEqual([]);
  });

  test('the checks name a misspelt key in a named destination, an unknown enum value, a wrong type', () => {
    const document = {
      destinations: {
        tempo: { type: 'otlp', protocl: 'grpc' },
        mimir: { type: 'otlp', protocol: 'https' },
        loki: { type: 'otlp', url: 4318 },
      },
      collectors: { 'alloy-receiver': { presets: ['deployments'] } },
    };
    expect(unknownChartKeys(document, K8S_MONITORING_KEYS)).toEqual(['destinations.tempo.protocl']);
    expect(wrongChartValues(document, K8S_MONITORING_KEYS)).toEqual([
      'destinations.mimir.protocol: "https", k8s-monitoring 4.4.0 takes one of grpc, http',
      'destinations.loki.url: 4318, k8s-monitoring 4.4.0 takes a string',
      expect.stringMatching(
        /^collectors\.alloy-receiver\.presets: \["deployments"\], k8s-monitoring 4\.4\.0 takes a list of clustered, daemonset, deployment, /,
      ),
    ]);
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

/** Every `datasource: { uid }` a panel, target or variable of the JSON refers to. */
function datasourceUids(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(datasourceUids);
  if (!isRecord(node)) return [];
  const own = dig(node, 'datasource', 'uid');
  return [
    ...(typeof own === 'string' ? [own] : []),
    ...Object.values(node).flatMap(datasourceUids),
  ];
}

describe('Grafana in the cluster', () => {
  const provisioned = () =>
    asArray(dig(values('grafana'), 'datasources', 'datasources.yaml', 'datasources')).map(
      (datasource) => ({ type: dig(datasource, 'type'), uid: dig(datasource, 'uid') }),
    );

  test('has every datasource the generated dashboards refer to', () => {
    const used = new Set(generatedDashboards().flatMap(({ json }) => datasourceUids(json)));
    expect(used).toContain('pyroscope');
    const uids = provisioned().map(({ uid }) => uid);
    expect([...used].filter((uid) => !uids.includes(uid))).toEqual([]);
  });

  test('has the datasources the dashboards and alert rules name, by uid and type', () => {
    // Every datasource the dashboards module declares, so one added there is missed here.
    const named = Object.values(dashboardDatasources).map(({ type, uid }) => ({ type, uid }));
    expect(named.length).toBeGreaterThan(3);
    expect(provisioned()).toEqual(expect.arrayContaining(named));
    expect(provisioned()).toHaveLength(named.length);
  });

  test('loads dashboards and alert rules from ConfigMaps (the sidecars)', () => {
    expect(dig(values('grafana'), 'sidecar', 'dashboards', 'enabled')).toBe(true);
    expect(dig(values('grafana'), 'sidecar', 'alerts', 'enabled')).toBe(true);
  });
});
