import { z } from 'zod';

/**
 * Answers of Grafana's HTTP API used by the stack suite, as documented for Grafana 13
 * (grafana/grafana docs/sources/developers/http_api/data_source.md and dashboard_search.md):
 * `/api/ds/query` returns data frames per refId, with `error` on a failed query;
 * `/api/datasources/uid/<uid>/health` returns `{ status, message }`; `/api/search` a list.
 */

export interface QueryOutcome {
  readonly refId: string;
  readonly error?: string;
  /** Rows per frame: `data.values[0].length` (the frame's fields share one length). */
  readonly frameRows: readonly number[];
}

const frame = z.object({
  schema: z.object({ fields: z.array(z.object({ name: z.string() })).optional() }).optional(),
  data: z.object({ values: z.array(z.array(z.unknown())) }).optional(),
});
const dsQuery = z.object({
  results: z.record(
    z.string(),
    z.object({
      error: z.string().optional(),
      status: z.number().optional(),
      frames: z.array(frame).optional(),
    }),
  ),
});

function shapeError(what: string, error: z.ZodError): Error {
  return new Error(`not a Grafana ${what} answer: ${error.issues[0]?.message ?? 'unknown shape'}`);
}

export function parseDsQuery(json: unknown): QueryOutcome[] {
  const parsed = dsQuery.safeParse(json);
  if (!parsed.success) throw shapeError('/api/ds/query', parsed.error);
  return Object.entries(parsed.data.results).map(([refId, result]) => ({
    refId,
    ...(result.error === undefined || result.error === '' ? {} : { error: result.error }),
    frameRows: (result.frames ?? []).map((f) => f.data?.values[0]?.length ?? 0),
  }));
}

/** True when a query answered without error and with at least one row: what a panel needs. */
export function hasData(outcome: QueryOutcome): boolean {
  return outcome.error === undefined && outcome.frameRows.some((rows) => rows > 0);
}

const health = z.object({ status: z.string(), message: z.string().optional() });

export interface HealthAnswer {
  readonly ok: boolean;
  readonly message: string;
}

export function parseHealth(json: unknown): HealthAnswer {
  const parsed = health.safeParse(json);
  if (!parsed.success) throw shapeError('datasource health', parsed.error);
  return { ok: parsed.data.status === 'OK', message: parsed.data.message ?? '' };
}

const searchHits = z.array(z.object({ uid: z.string(), title: z.string(), type: z.string() }));

export interface DashboardHit {
  readonly uid: string;
  readonly title: string;
}

/** Dashboards (not folders) of an `/api/search` answer. */
export function parseDashboardSearch(json: unknown): DashboardHit[] {
  const parsed = searchHits.safeParse(json);
  if (!parsed.success) throw shapeError('/api/search', parsed.error);
  return parsed.data.filter((h) => h.type === 'dash-db').map(({ uid, title }) => ({ uid, title }));
}
