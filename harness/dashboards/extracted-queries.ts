import { asArray, dig } from '../repo/parsed-document.js';
import { readRepoYaml } from '../repo/repo.js';
import { ALERT_RULES } from '../repo/stack-files.js';
import { type GeneratedDashboard, generatedDashboards } from './generated-dashboards.js';

export type Panel = Record<string, unknown>;

/** All panels of a dashboard, rows' nested panels included, rows themselves excluded. */
/** The panels that show data, rows opened; text panels (the runbooks) query nothing. */
export function panelsOf(dashboard: GeneratedDashboard): Panel[] {
  return asArray(dashboard.json.panels)
    .flatMap((panel) => {
      const p = panel as Panel;
      return p.type === 'row' ? (asArray(p.panels) as Panel[]) : [p];
    })
    .filter((panel) => panel.type !== 'text');
}

export interface ExtractedQuery {
  /** Dashboard and panel title (or alert rule title): where a failure points. */
  readonly where: string;
  readonly language: 'promql' | 'logql' | 'traceql' | 'serviceMap' | 'labelValues' | 'profile';
  /** The query; for a profile query its label selector. */
  readonly text: string;
  /** For a profile query: the Pyroscope profile type it asks for. */
  readonly profileTypeId?: string;
  readonly datasourceUid: string;
  readonly exemplar: boolean;
}

const DATASOURCE_LANGUAGE: Readonly<Record<string, ExtractedQuery['language']>> = {
  prometheus: 'promql',
  loki: 'logql',
  'grafana-pyroscope-datasource': 'profile',
};

const TEXT_FIELD: Readonly<Record<ExtractedQuery['language'], string>> = {
  promql: 'expr',
  logql: 'expr',
  traceql: 'query',
  serviceMap: 'expr',
  labelValues: 'query',
  profile: 'labelSelector',
};

function panelQueries(dashboardTitle: string, panel: Panel): ExtractedQuery[] {
  return asArray(panel.targets).map((target) => {
    const datasource = dig(target, 'datasource') ?? panel.datasource;
    const type = String(dig(datasource, 'type'));
    const queryType = dig(target, 'queryType');
    const where = `${dashboardTitle} / "${String(panel.title)}" (${String(dig(target, 'refId'))})`;
    const language =
      DATASOURCE_LANGUAGE[type] ?? (queryType === 'serviceMap' ? 'serviceMap' : 'traceql');
    const profileTypeId = dig(target, 'profileTypeId');
    return {
      where,
      language,
      text: String(dig(target, TEXT_FIELD[language]) ?? ''),
      ...(typeof profileTypeId === 'string' ? { profileTypeId } : {}),
      datasourceUid: String(dig(datasource, 'uid')),
      exemplar: dig(target, 'exemplar') === true,
    };
  });
}

function variableQueries(dashboard: GeneratedDashboard): ExtractedQuery[] {
  return asArray(dig(dashboard.json, 'templating', 'list'))
    .filter((variable) => dig(variable, 'type') === 'query')
    .map((variable) => ({
      where: `${String(dashboard.json.title)} / variable $${String(dig(variable, 'name'))}`,
      language: 'labelValues' as const,
      text: String(dig(variable, 'query')),
      datasourceUid: String(dig(variable, 'datasource', 'uid')),
      exemplar: false,
    }));
}

export function dashboardQueries(): ExtractedQuery[] {
  return generatedDashboards().flatMap((dashboard) => [
    ...variableQueries(dashboard),
    ...panelsOf(dashboard).flatMap((panel) => panelQueries(String(dashboard.json.title), panel)),
  ]);
}

export type AlertRule = Record<string, unknown>;

export function alertRules(): AlertRule[] {
  return asArray(dig(readRepoYaml(ALERT_RULES), 'groups')).flatMap(
    (group) => asArray(dig(group, 'rules')) as AlertRule[],
  );
}

export function alertQueries(): ExtractedQuery[] {
  return alertRules().flatMap((rule) =>
    asArray(rule.data)
      .filter((query) => dig(query, 'datasourceUid') !== '__expr__')
      .map((query) => ({
        where: `alert rule "${String(rule.title)}" (${String(dig(query, 'refId'))})`,
        language: 'promql' as const,
        text: String(dig(query, 'model', 'expr')),
        datasourceUid: String(dig(query, 'datasourceUid')),
        exemplar: false,
      })),
  );
}
