import { z } from 'zod';

/**
 * Answers of the Prometheus HTTP API that Mimir serves under its `/prometheus` prefix
 * (prometheus/prometheus docs/querying/api.md, "Expression query result formats" and
 * "Querying exemplars"): sample values are strings, timestamps are float seconds.
 */

export interface Sample {
  readonly timestampSeconds: number;
  readonly value: number;
}

export interface Series {
  readonly labels: Readonly<Record<string, string>>;
  /** One sample for an instant vector; every sample in range for a matrix. */
  readonly samples: readonly Sample[];
}

export interface Exemplar {
  readonly seriesLabels: Readonly<Record<string, string>>;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
  readonly timestampSeconds: number;
}

const labels = z.record(z.string(), z.string());
const pair = z.tuple([z.number(), z.string()]);
const failure = z.object({
  status: z.literal('error'),
  errorType: z.string().optional(),
  error: z.string(),
});
const queryAnswer = z.union([
  z.object({
    status: z.literal('success'),
    data: z.union([
      z.object({
        resultType: z.literal('vector'),
        result: z.array(z.object({ metric: labels, value: pair })),
      }),
      z.object({
        resultType: z.literal('matrix'),
        result: z.array(z.object({ metric: labels, values: z.array(pair) })),
      }),
      z.object({ resultType: z.literal('scalar'), result: pair }),
    ]),
  }),
  failure,
]);
const exemplarAnswer = z.union([
  z.object({
    status: z.literal('success'),
    data: z.array(
      z.object({
        seriesLabels: labels,
        exemplars: z.array(z.object({ labels, value: z.string(), timestamp: z.number() })),
      }),
    ),
  }),
  failure,
]);

function sample([timestampSeconds, value]: [number, string]): Sample {
  return { timestampSeconds, value: Number(value) };
}

function shapeError(what: string, error: z.ZodError): Error {
  return new Error(
    `not a Prometheus ${what} answer: ${error.issues[0]?.message ?? 'unknown shape'}`,
  );
}

/** The series of a `query` or `query_range` answer; an API error becomes a thrown error with its text. */
export function parseQueryResult(json: unknown): Series[] {
  const parsed = queryAnswer.safeParse(json);
  if (!parsed.success) throw shapeError('query', parsed.error);
  if (parsed.data.status === 'error') {
    throw new Error(`PromQL error (${parsed.data.errorType ?? 'unknown'}): ${parsed.data.error}`);
  }
  const data = parsed.data.data;
  switch (data.resultType) {
    case 'vector':
      return data.result.map((r) => ({ labels: r.metric, samples: [sample(r.value)] }));
    case 'matrix':
      return data.result.map((r) => ({ labels: r.metric, samples: r.values.map(sample) }));
    case 'scalar':
      return [{ labels: {}, samples: [sample(data.result)] }];
  }
}

/** The exemplars of a `query_exemplars` answer, one entry per exemplar. */
export function parseExemplars(json: unknown): Exemplar[] {
  const parsed = exemplarAnswer.safeParse(json);
  if (!parsed.success) throw shapeError('exemplars', parsed.error);
  if (parsed.data.status === 'error') throw new Error(`exemplar query error: ${parsed.data.error}`);
  return parsed.data.data.flatMap((s) =>
    s.exemplars.map((e) => ({
      seriesLabels: s.seriesLabels,
      labels: e.labels,
      value: Number(e.value),
      timestampSeconds: e.timestamp,
    })),
  );
}
