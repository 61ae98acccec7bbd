import { describe, expect, it } from 'vitest';
import { PROFILE_TYPES } from '../../bot/src/telemetry-sdk/profiling/profile-types.js';
import { loadProvisionedDatasources } from '../../harness/configs/grafana-datasources.js';
import {
  TRACE_ID_LABEL_SETTING,
  tempoTraceIdLabel,
} from '../../harness/configs/tempo-trace-id-label.js';
import {
  alertQueries,
  dashboardQueries,
  panelsOf,
} from '../../harness/dashboards/extracted-queries.js';
import { generatedDashboards } from '../../harness/dashboards/generated-dashboards.js';
import { asArray, dig } from '../../harness/repo/parsed-document.js';
import { SERVICE_CONFIGS } from '../../harness/repo/stack-files.js';

const datasources = loadProvisionedDatasources();
const provisioned = new Map(datasources.map((datasource) => [datasource.uid, datasource.type]));

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
    const tempo = datasources.find((datasource) => datasource.uid === 'tempo');
    expect(dig(tempo, 'jsonData', 'serviceMap', 'datasourceUid')).toBe('mimir');
  });

  it('the Tempo datasource links spans to the CPU profile the bot uploads, by service', () => {
    const tempo = datasources.find((datasource) => datasource.uid === 'tempo');
    expect(dig(tempo, 'jsonData', 'tracesToProfiles', 'datasourceUid')).toBe('pyroscope');
    expect(dig(tempo, 'jsonData', 'tracesToProfiles', 'profileTypeId')).toBe(PROFILE_TYPES.cpu);
    expect(asArray(dig(tempo, 'jsonData', 'tracesToProfiles', 'tags'))).toEqual([
      { key: 'service.name', value: 'service_name' },
    ]);
  });

  it('the Mimir datasource links exemplars by the label Tempo writes the trace id to', () => {
    const mimir = datasources.find((datasource) => datasource.uid === 'mimir');
    const destinations = asArray(dig(mimir, 'jsonData', 'exemplarTraceIdDestinations'));
    expect(
      destinations.map((destination) => dig(destination, 'name')),
      `exemplarTraceIdDestinations needs name "${tempoTraceIdLabel()}" (or ${SERVICE_CONFIGS.tempo} ${TRACE_ID_LABEL_SETTING})`,
    ).toContain(tempoTraceIdLabel());
    expect(destinations.map((destination) => dig(destination, 'datasourceUid'))).toContain('tempo');
  });
});
