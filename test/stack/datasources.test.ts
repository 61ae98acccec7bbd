import { describe, expect, test } from 'vitest';
import {
  datasourceReferences,
  loadProvisionedDatasources,
  type ProvisionedDatasource,
} from '../../harness/configs/grafana-datasources.js';
import {
  TRACE_ID_LABEL_SETTING,
  tempoTraceIdLabel,
} from '../../harness/configs/tempo-trace-id-label.js';
import { DATASOURCES_DIR, SERVICE_CONFIGS } from '../../harness/repo/stack-files.js';

const datasources = loadProvisionedDatasources();
const references = datasourceReferences(datasources);

function named(uid: string): ProvisionedDatasource {
  const ds = datasources.find((d) => d.uid === uid);
  if (!ds) throw new Error(`${DATASOURCES_DIR}: expected a datasource with uid "${uid}"`);
  return ds;
}

/** The correlations the stack promises: each from one datasource's jsonData to another uid. */
const CORRELATIONS = [
  ['mimir', 'jsonData.exemplarTraceIdDestinations[0].datasourceUid', 'tempo'],
  ['loki', 'jsonData.derivedFields[0].datasourceUid', 'tempo'],
  ['tempo', 'jsonData.tracesToLogsV2.datasourceUid', 'loki'],
  ['tempo', 'jsonData.tracesToMetrics.datasourceUid', 'mimir'],
  ['tempo', 'jsonData.serviceMap.datasourceUid', 'mimir'],
  ['tempo', 'jsonData.lokiSearch.datasourceUid', 'loki'],
  ['tempo', 'jsonData.tracesToProfiles.datasourceUid', 'pyroscope'],
] as const;

describe(DATASOURCES_DIR, () => {
  test.each([
    ['mimir', 'prometheus'],
    ['loki', 'loki'],
    ['tempo', 'tempo'],
    ['pyroscope', 'grafana-pyroscope-datasource'],
  ] as const)('provisions uid %s of type %s', (uid, type) => {
    expect(named(uid).type, `${named(uid).file}: datasource ${uid}.type`).toBe(type);
  });

  test('has each uid once', () => {
    const uids = datasources.map((ds) => ds.uid);
    expect(uids.filter((uid, i) => uids.indexOf(uid) !== i)).toEqual([]);
  });

  test('every uid a correlation links to is provisioned', () => {
    const known = new Set(datasources.map((ds) => ds.uid));
    const problems = references
      .filter((ref) => !known.has(ref.uid))
      .map(
        (ref) =>
          `${ref.from.file}: datasource ${ref.from.uid}.${ref.path}: expected one of ${[...known].join(', ')}, got "${ref.uid}"`,
      );
    expect(problems).toEqual([]);
  });

  test.each(CORRELATIONS)('%s links %s to %s', (from, path, to) => {
    const link = references.find((ref) => ref.from.uid === from && ref.path === path);
    expect(link?.uid, `${named(from).file}: datasource ${from}.${path}: expected "${to}"`).toBe(to);
  });

  test('tempo shows the node graph', () => {
    const nodeGraph = named('tempo').jsonData.nodeGraph;
    expect(
      nodeGraph,
      `${named('tempo').file}: datasource tempo.jsonData.nodeGraph.enabled: expected true`,
    ).toEqual(expect.objectContaining({ enabled: true }));
  });

  test('the Loki derived field reads trace_id from structured metadata', () => {
    expect(
      named('loki').jsonData.derivedFields,
      `${named('loki').file}: datasource loki.jsonData.derivedFields`,
    ).toEqual([
      expect.objectContaining({
        matcherType: 'label',
        matcherRegex: 'trace_id',
        datasourceUid: 'tempo',
      }),
    ]);
  });

  test("the exemplar link reads the label Tempo's span metrics put the trace id in", () => {
    const label = tempoTraceIdLabel();
    const destinations = named('mimir').jsonData.exemplarTraceIdDestinations;
    const names = Array.isArray(destinations)
      ? destinations.map((d) => (d as { name?: unknown }).name)
      : [];
    expect(
      names,
      `${named('mimir').file}: datasource mimir.jsonData.exemplarTraceIdDestinations[].name: expected "${String(label)}" (${SERVICE_CONFIGS.tempo}: ${TRACE_ID_LABEL_SETTING})`,
    ).toContain(label);
  });
});
