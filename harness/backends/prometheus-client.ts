import { excerpt, requestJson } from './http-json.js';
import {
  type Exemplar,
  parseExemplars,
  parseQueryResult,
  type Series,
} from './prometheus-results.js';

/**
 * PromQL against a Prometheus-compatible API root (Mimir's `http://host:port/prometheus`).
 * Prometheus answers query errors with 400/422 and a JSON body; that body is parsed so the
 * thrown error carries the PromQL error text.
 */
export async function instantQuery(
  apiRoot: string,
  promql: string,
  atSeconds?: number,
): Promise<Series[]> {
  const query = new URLSearchParams({
    query: promql,
    ...(atSeconds === undefined ? {} : { time: String(atSeconds) }),
  });
  const response = await requestJson(`${apiRoot}/api/v1/query?${query}`);
  if (response.status >= 500 || typeof response.body === 'string') {
    throw new Error(`PromQL ${promql} answered ${response.status}: ${excerpt(response.body)}`);
  }
  return parseQueryResult(response.body);
}

export async function queryExemplars(
  apiRoot: string,
  promql: string,
  startSeconds: number,
  endSeconds: number,
): Promise<Exemplar[]> {
  const query = new URLSearchParams({
    query: promql,
    start: String(startSeconds),
    end: String(endSeconds),
  });
  const response = await requestJson(`${apiRoot}/api/v1/query_exemplars?${query}`);
  if (response.status >= 500 || typeof response.body === 'string') {
    throw new Error(
      `exemplars of ${promql} answered ${response.status}: ${excerpt(response.body)}`,
    );
  }
  return parseExemplars(response.body);
}
