import { z } from 'zod';

/**
 * Tempo's `/api/search` answer (TraceQL or tags), as documented for v3.0
 * (grafana/tempo docs/sources/tempo/api_docs/_index.md, "Search"): `traces[]` with
 * `traceID`, `rootServiceName`, `rootTraceName`, `startTimeUnixNano`, `durationMs`,
 * `spanSets[].spans[]`. Tempo drops leading zeros from `traceID`; ids are padded back here so
 * they compare equal to the 32-digit ids from the trace itself.
 */

export interface FoundTrace {
  readonly traceId: string;
  readonly rootServiceName?: string;
  readonly rootTraceName?: string;
  readonly durationMs?: number;
  readonly matchedSpanIds: readonly string[];
}

const body = z.object({
  traces: z
    .array(
      z.object({
        traceID: z.string(),
        rootServiceName: z.string().optional(),
        rootTraceName: z.string().optional(),
        durationMs: z.number().optional(),
        spanSets: z
          .array(z.object({ spans: z.array(z.object({ spanID: z.string() })).optional() }))
          .optional(),
        spanSet: z
          .object({ spans: z.array(z.object({ spanID: z.string() })).optional() })
          .optional(),
      }),
    )
    .optional(),
});

export function parseTraceSearch(json: unknown): FoundTrace[] {
  const parsed = body.safeParse(json);
  if (!parsed.success) {
    throw new Error(
      `not a Tempo search answer: ${parsed.error.issues[0]?.message ?? 'unknown shape'}`,
    );
  }
  return (parsed.data.traces ?? []).map((t) => {
    const sets = t.spanSets ?? (t.spanSet === undefined ? [] : [t.spanSet]);
    return {
      traceId: t.traceID.toLowerCase().padStart(32, '0'),
      ...(t.rootServiceName === undefined ? {} : { rootServiceName: t.rootServiceName }),
      ...(t.rootTraceName === undefined ? {} : { rootTraceName: t.rootTraceName }),
      ...(t.durationMs === undefined ? {} : { durationMs: t.durationMs }),
      matchedSpanIds: sets.flatMap((s) =>
        (s.spans ?? []).map((sp) => sp.spanID.toLowerCase().padStart(16, '0')),
      ),
    };
  });
}
