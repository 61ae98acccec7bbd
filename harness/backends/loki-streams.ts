import { z } from 'zod';

/**
 * Loki's `query_range`/`query` answer for a log query (resultType `streams`), as documented
 * for 3.x (grafana/loki docs/sources/reference/loki-http-api.md): `values` are
 * `[<ns timestamp string>, <line>]`. Structured metadata (our `trace_id`) comes merged into
 * the `stream` labels by default; with `X-Loki-Response-Encoding-Flags: categorize-labels`
 * it comes as a third element `{ structuredMetadata, parsed }` (grafana/loki
 * pkg/loghttp/entry.go). Both shapes give the same entries here.
 */

export interface LogEntry {
  readonly timestampNs: bigint;
  readonly line: string;
  /** Stream labels, structured metadata and parsed labels together. */
  readonly labels: Readonly<Record<string, string>>;
}

const labelSet = z.record(z.string(), z.string());
const entry = z.union([
  z.tuple([z.string(), z.string()]),
  z.tuple([
    z.string(),
    z.string(),
    z.union([
      z.object({ structuredMetadata: labelSet.optional(), parsed: labelSet.optional() }),
      labelSet,
    ]),
  ]),
]);
const answer = z.object({
  status: z.literal('success'),
  data: z.object({
    resultType: z.literal('streams'),
    result: z.array(z.object({ stream: labelSet, values: z.array(entry) })),
  }),
});

function extraLabels(extra: unknown): Record<string, string> {
  if (extra === undefined) return {};
  const categorized = z.object({
    structuredMetadata: labelSet.optional(),
    parsed: labelSet.optional(),
  });
  const asCategories = categorized.safeParse(extra);
  if (asCategories.success && (asCategories.data.structuredMetadata || asCategories.data.parsed)) {
    return { ...asCategories.data.structuredMetadata, ...asCategories.data.parsed };
  }
  return labelSet.parse(extra);
}

/** Every log entry of a streams answer, oldest first. */
export function parseLogStreams(json: unknown): LogEntry[] {
  const parsed = answer.safeParse(json);
  if (!parsed.success) {
    throw new Error(
      `not a Loki streams answer: ${parsed.error.issues[0]?.message ?? 'unknown shape'}`,
    );
  }
  return parsed.data.data.result
    .flatMap(({ stream, values }) =>
      values.map(([ts, line, extra]) => ({
        timestampNs: BigInt(ts),
        line,
        labels: { ...stream, ...extraLabels(extra) },
      })),
    )
    .sort((a, b) => (a.timestampNs < b.timestampNs ? -1 : a.timestampNs > b.timestampNs ? 1 : 0));
}
