import {
  type DashboardHit,
  type HealthAnswer,
  parseDashboardSearch,
  parseDsQuery,
  parseHealth,
  type QueryOutcome,
} from './grafana-answers.js';
import { excerpt, requestJson } from './http-json.js';

/** Grafana's HTTP API as the anonymous Viewer of the compose stack sees it (no credentials). */

export async function datasourceHealth(grafanaUrl: string, uid: string): Promise<HealthAnswer> {
  const response = await requestJson(
    `${grafanaUrl}/api/datasources/uid/${encodeURIComponent(uid)}/health`,
    { timeoutMs: 30_000 },
  );
  // A failing check answers 400 with the same `{ status, message }` body.
  if (response.status !== 200 && response.status !== 400) {
    throw new Error(
      `health of datasource ${uid} answered ${response.status}: ${excerpt(response.body)}`,
    );
  }
  return parseHealth(response.body);
}

export async function searchDashboards(grafanaUrl: string): Promise<DashboardHit[]> {
  const response = await requestJson(`${grafanaUrl}/api/search?type=dash-db&limit=5000`);
  if (response.status !== 200)
    throw new Error(`dashboard search answered ${response.status}: ${excerpt(response.body)}`);
  return parseDashboardSearch(response.body);
}

/** One `/api/ds/query` round trip; a failed query comes back as an outcome with its error. */
export async function dsQuery(
  grafanaUrl: string,
  queries: readonly Readonly<Record<string, unknown>>[],
  range: { readonly from: string; readonly to: string },
): Promise<QueryOutcome[]> {
  const response = await requestJson(`${grafanaUrl}/api/ds/query`, {
    json: { queries, ...range },
    timeoutMs: 60_000,
  });
  if (typeof response.body === 'object' && response.body !== null && 'results' in response.body) {
    return parseDsQuery(response.body);
  }
  throw new Error(`/api/ds/query answered ${response.status}: ${excerpt(response.body)}`);
}
