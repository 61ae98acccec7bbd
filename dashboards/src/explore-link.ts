import { DashboardLinkBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import type { Datasource } from './datasources.js';

/** Dashboard variables the links carry into Explore (the others, like `$__rate_interval`, Explore resolves itself). */
const DASHBOARD_VARIABLES = ['environment', 'instance'] as const;

/** Grafana's `${name}` / `${name:format}` reference, filled in by Grafana when the link is followed. */
const grafanaVariable = (name: string, format?: string): string =>
  `\${${format === undefined ? name : `${name}:${format}`}}`;

/** The query fields Explore expects for each datasource type. */
export type ExploreQuery =
  | { expr: string }
  | { query: string; queryType: 'traceql' }
  | { labelSelector: string; profileTypeId: string; queryType: 'profile' };

/**
 * A panel link that opens the panel's query in Explore over the dashboard's time range.
 * The pane state is percent-encoded JSON; Grafana substitutes `${__from}`, `${__to}` and
 * the dashboard variables into the link, so those stay as (encoded-safe) template references.
 */
export function exploreLink(
  datasource: Datasource,
  query: ExploreQuery,
  title = `Explore in ${datasource.uid}`,
): DashboardLinkBuilder {
  const from = grafanaVariable('__from');
  const to = grafanaVariable('__to');
  const pane = {
    datasource: datasource.uid,
    queries: [{ refId: 'A', datasource, ...query }],
    range: { from, to },
  };
  let encoded = encodeURIComponent(JSON.stringify({ panel: pane }));
  for (const reference of [from, to]) {
    encoded = encoded.replaceAll(encodeURIComponent(reference), reference);
  }
  for (const name of DASHBOARD_VARIABLES) {
    encoded = encoded.replaceAll(
      encodeURIComponent(`$${name}`),
      grafanaVariable(name, 'percentencode'),
    );
  }
  return new DashboardLinkBuilder(title)
    .url(`/explore?schemaVersion=1&orgId=1&panes=${encoded}`)
    .targetBlank(true);
}
