import { describe, expect, it } from 'vitest';
import { TEMPO_CONFIG, tempoTraceIdLabel } from './catalogue/tempo-series.js';
import {
  alertQueries,
  dashboardQueries,
  generatedDashboards,
  panelsOf,
} from './support/generated.js';
import { asArray, dig, readRepoYaml } from './support/repo.js';

const DATASOURCES = 'infra/grafana/provisioning/datasources/datasources.yaml';
const provisioned = new Map(
  asArray(dig(readRepoYaml(DATASOURCES), 'datasources')).map((datasource) => [
    String(dig(datasource, 'uid')),
    String(dig(datasource, 'type')),
  ]),
);

const panelDatasources = generatedDashboards().flatMap((dashboard) =>
  panelsOf(dashboard).map((panel) => ({
    where: `${String(dashboard.json.title)} / "${String(panel.title)}"`,
    uid: String(dig(panel, 'datasource', 'uid')),
    type: String(dig(panel, 'datasource', 'type')),
  })),
);

describe('every datasource uid the dashboards and alert rules use is provisioned', () => {
  it.each(
    [...dashboardQueries(), ...alertQueries()].map(
      (query) => [query.where, query.datasourceUid] as const,
    ),
  )('%s uses %s', (_where, uid) => {
    expect([...provisioned.keys()]).toContain(uid);
  });

  it.each(panelDatasources.map((panel) => [panel.where, panel.uid, panel.type] as const))(
    '%s: panel datasource %s is provisioned with type %s',
    (_where, uid, type) => {
      expect(provisioned.get(uid)).toBe(type);
    },
  );

  it('the Tempo datasource draws its service map from Mimir, where the service-graph series are', () => {
    const tempo = asArray(dig(readRepoYaml(DATASOURCES), 'datasources')).find(
      (datasource) => dig(datasource, 'uid') === 'tempo',
    );
    expect(dig(tempo, 'jsonData', 'serviceMap', 'datasourceUid')).toBe('mimir');
  });

  it('the Mimir datasource links exemplars by the label Tempo writes the trace id to', () => {
    const mimir = asArray(dig(readRepoYaml(DATASOURCES), 'datasources')).find(
      (datasource) => dig(datasource, 'uid') === 'mimir',
    );
    const destinations = asArray(dig(mimir, 'jsonData', 'exemplarTraceIdDestinations'));
    expect(
      destinations.map((destination) => dig(destination, 'name')),
      `exemplarTraceIdDestinations needs name "${tempoTraceIdLabel()}" (or ${TEMPO_CONFIG} overrides.defaults.metrics_generator.trace_id_label_name)`,
    ).toContain(tempoTraceIdLabel());
    expect(destinations.map((destination) => dig(destination, 'datasourceUid'))).toContain('tempo');
  });
});
