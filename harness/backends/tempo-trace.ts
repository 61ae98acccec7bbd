import { z } from 'zod';

/**
 * Tempo's trace-by-id answers, read into plain spans. Tempo 3 marshals its protobuf with
 * gogo jsonpb (grafana/tempo v3.0.x pkg/tempopb/trace_utils.go): ids are base64 bytes,
 * enums are names (`SPAN_KIND_SERVER`, `STATUS_CODE_ERROR`), int64 values are strings.
 * `/api/v2/traces/<id>` wraps the trace as `{ trace: { resourceSpans } }`; `/api/traces/<id>`
 * answers `{ batches }` (the v1 name kept for compatibility). Hex ids and numeric enums
 * (plain OTLP JSON) are accepted too.
 */

export type AttributeValue = string | number | boolean | null | readonly AttributeValue[];
export type Attributes = Readonly<Record<string, AttributeValue>>;
export type SpanKindName =
  | 'unspecified'
  | 'internal'
  | 'server'
  | 'client'
  | 'producer'
  | 'consumer';
export type StatusName = 'unset' | 'ok' | 'error';

export interface TraceSpan {
  readonly traceId: string;
  readonly spanId: string;
  /** Absent on a root span. */
  readonly parentSpanId?: string;
  readonly name: string;
  readonly kind: SpanKindName;
  readonly status: StatusName;
  readonly statusMessage?: string;
  readonly attributes: Attributes;
  readonly resource: Attributes;
  readonly events: readonly { readonly name: string; readonly attributes: Attributes }[];
  readonly startTimeUnixNano: bigint;
}

type RawValue = {
  stringValue?: string | undefined;
  boolValue?: boolean | undefined;
  intValue?: string | number | undefined;
  doubleValue?: number | string | undefined;
  bytesValue?: string | undefined;
  arrayValue?: { values?: RawValue[] | undefined } | undefined;
  kvlistValue?:
    | { values?: { key: string; value?: RawValue | undefined }[] | undefined }
    | undefined;
};

const anyValue: z.ZodType<RawValue> = z.lazy(() =>
  z.object({
    stringValue: z.string().optional(),
    boolValue: z.boolean().optional(),
    intValue: z.union([z.string(), z.number()]).optional(),
    doubleValue: z.union([z.number(), z.string()]).optional(),
    bytesValue: z.string().optional(),
    arrayValue: z.object({ values: z.array(anyValue).optional() }).optional(),
    kvlistValue: z.object({ values: z.array(keyValue).optional() }).optional(),
  }),
);
const keyValue = z.object({ key: z.string(), value: anyValue.optional() });
const attributeList = z.array(keyValue).optional();

const span = z.object({
  traceId: z.string(),
  spanId: z.string(),
  parentSpanId: z.string().optional(),
  name: z.string(),
  kind: z.union([z.string(), z.number()]).optional(),
  startTimeUnixNano: z.union([z.string(), z.number()]).optional(),
  attributes: attributeList,
  events: z.array(z.object({ name: z.string().optional(), attributes: attributeList })).optional(),
  status: z
    .object({ code: z.union([z.string(), z.number()]).optional(), message: z.string().optional() })
    .optional(),
});

const resourceSpans = z.array(
  z.object({
    resource: z.object({ attributes: attributeList }).optional(),
    scopeSpans: z.array(z.object({ spans: z.array(span).optional() })).optional(),
  }),
);

const traceBody = z.union([
  z.object({ trace: z.object({ resourceSpans: resourceSpans.optional() }) }),
  z.object({ batches: resourceSpans }),
  z.object({ resourceSpans }),
]);

const KINDS: readonly SpanKindName[] = [
  'unspecified',
  'internal',
  'server',
  'client',
  'producer',
  'consumer',
];
const STATUSES: readonly StatusName[] = ['unset', 'ok', 'error'];

/** `SPAN_KIND_SERVER` or 2 -> `server`; `STATUS_CODE_ERROR` or 2 -> `error`. */
function enumName<T extends string>(
  raw: string | number | undefined,
  prefix: string,
  names: readonly T[],
): T {
  if (raw === undefined) return names[0] as T;
  if (typeof raw === 'number') {
    const name = names[raw];
    if (name === undefined) throw new Error(`unknown ${prefix} value ${raw}`);
    return name;
  }
  const name = raw.replace(prefix, '').toLowerCase() as T;
  if (!names.includes(name)) throw new Error(`unknown ${prefix} value "${raw}"`);
  return name;
}

/** Tempo sends ids as base64 bytes; OTLP JSON as hex. Either way: lowercase hex of `bytes` bytes. */
export function normalizeId(raw: string, bytes: 8 | 16): string {
  const hexLength = bytes * 2;
  if (raw.length === hexLength && /^[0-9a-fA-F]+$/.test(raw)) return raw.toLowerCase();
  const decoded = Buffer.from(raw, 'base64');
  if (decoded.length !== bytes || decoded.toString('base64') !== raw) {
    throw new Error(
      `"${raw}" is neither ${hexLength} hex digits nor ${bytes} base64-encoded bytes`,
    );
  }
  return decoded.toString('hex');
}

function attributeValue(raw: RawValue | undefined): AttributeValue {
  if (raw === undefined) return null;
  if (raw.stringValue !== undefined) return raw.stringValue;
  if (raw.boolValue !== undefined) return raw.boolValue;
  if (raw.intValue !== undefined) return Number(raw.intValue);
  if (raw.doubleValue !== undefined) return Number(raw.doubleValue);
  if (raw.bytesValue !== undefined) return raw.bytesValue;
  if (raw.arrayValue !== undefined) return (raw.arrayValue.values ?? []).map(attributeValue);
  if (raw.kvlistValue !== undefined) return JSON.stringify(attributesOf(raw.kvlistValue.values));
  return null;
}

function attributesOf(list: z.infer<typeof attributeList>): Attributes {
  return Object.fromEntries((list ?? []).map(({ key, value }) => [key, attributeValue(value)]));
}

/** Every span of a trace-by-id answer (v1 or v2), in the order Tempo sent them. */
export function parseTrace(body: unknown): TraceSpan[] {
  const parsed = traceBody.safeParse(body);
  if (!parsed.success) {
    throw new Error(`not a Tempo trace: ${parsed.error.issues[0]?.message ?? 'unknown shape'}`);
  }
  const data = parsed.data;
  const batches =
    'trace' in data
      ? (data.trace.resourceSpans ?? [])
      : 'batches' in data
        ? data.batches
        : data.resourceSpans;
  return batches.flatMap((batch) => {
    const resource = attributesOf(batch.resource?.attributes);
    return (batch.scopeSpans ?? []).flatMap((scope) =>
      (scope.spans ?? []).map((raw): TraceSpan => {
        const parent =
          raw.parentSpanId === undefined || raw.parentSpanId === ''
            ? undefined
            : normalizeId(raw.parentSpanId, 8);
        return {
          traceId: normalizeId(raw.traceId, 16),
          spanId: normalizeId(raw.spanId, 8),
          ...(parent === undefined ? {} : { parentSpanId: parent }),
          name: raw.name,
          kind: enumName(raw.kind, 'SPAN_KIND_', KINDS),
          status: enumName(raw.status?.code, 'STATUS_CODE_', STATUSES),
          ...(raw.status?.message ? { statusMessage: raw.status.message } : {}),
          attributes: attributesOf(raw.attributes),
          resource,
          events: (raw.events ?? []).map((e) => ({
            name: e.name ?? '',
            attributes: attributesOf(e.attributes),
          })),
          startTimeUnixNano: BigInt(raw.startTimeUnixNano ?? 0),
        };
      }),
    );
  });
}
