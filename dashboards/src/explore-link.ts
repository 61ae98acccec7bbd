import { DashboardLinkBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import type { Datasource } from './datasources.js';

/** Dashboard variables the links carry into Explore (the others, like `$__rate_interval`, Explore resolves itself). */
const DASHBOARD_VARIABLES = ['environment', 'instance'] as const;

/** The query fields Explore expects for each datasource type. */
export type ExploreQuery = { expr: string } | { query: string; queryType: 'traceql' };

/**
 * A panel link that opens the panel's query in Explore over the dashboard's time range.
 * The pane state is percent-encoded JSON; Grafana substitutes `${__from}`, `${__to}` and
 * the dashboard variables into the link, so those stay as (encoded-safe) template references.
 */
export function exploreLink(datasource: Datasource, query: ExploreQuery): DashboardLinkBuilder {
  const pane = {
    datasource: datasource.uid,
    queries: [{ refId: 'A', datasource, ...query }],
    range: { from: '${__from}', to: '${__to}' },
  };
  let encoded = encodeURIComponent(JSON.stringify({ panel: pane }))
    .replaceAll('%24%7B__from%7D', '${__from}')
    .replaceAll('%24%7B__to%7D', '${__to}');
  for (const name of DASHBOARD_VARIABLES) {
    encoded = encoded.replaceAll(`%24${name}`, `\${${name}:percentencode}`);
  }
  return new DashboardLinkBuilder(`Explore in ${datasource.uid}`)
    .url(`/explore?schemaVersion=1&orgId=1&panes=${encoded}`)
    .targetBlank(true);
}
