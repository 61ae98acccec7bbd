import { z } from 'zod';
import { excerpt, requestJson } from './http-json.js';

/**
 * Pyroscope's render API (`GET /pyroscope/render`, grafana/pyroscope v2.2.1
 * pkg/querier/http.go): the merged flame graph of a `profileType{selector}` query.
 */

const flamebearerProfile = z.object({
  flamebearer: z.object({ numTicks: z.number(), names: z.array(z.string()) }).loose(),
});

export interface FlameGraph {
  /** Samples (or bytes, for a heap profile) in the graph: 0 when nothing matched. */
  readonly ticks: number;
  /** Function names in the graph. */
  readonly names: readonly string[];
}

export function parseRender(body: unknown): FlameGraph {
  const parsed = flamebearerProfile.safeParse(body);
  if (!parsed.success) throw new Error(`not a flamebearer profile: ${excerpt(body)}`);
  return { ticks: parsed.data.flamebearer.numTicks, names: parsed.data.flamebearer.names };
}

export async function renderProfile(
  pyroscopeUrl: string,
  query: string,
  range: { readonly from: string; readonly until: string },
): Promise<FlameGraph> {
  const params = new URLSearchParams({ query, ...range, format: 'json' });
  const response = await requestJson(`${pyroscopeUrl}/pyroscope/render?${params}`);
  if (response.status !== 200) {
    throw new Error(`render ${query} answered ${response.status}: ${excerpt(response.body)}`);
  }
  return parseRender(response.body);
}
