import { z } from 'zod';

/**
 * The queries of a provisioned dashboard as Grafana's frontend would send them on opening
 * it: dashboard variables replaced by their current values (`All` -> its `allValue`),
 * Grafana's own `$__*` variables left for the datasource backends, which expand them.
 */

export interface PanelQuery {
  readonly panel: string;
  readonly refId: string;
  readonly datasource: { readonly uid: string; readonly type?: string | undefined };
  /** The target as stored, its query text interpolated: the body of one `/api/ds/query` query. */
  readonly target: Readonly<Record<string, unknown>>;
}

const datasourceRef = z.object({ uid: z.string(), type: z.string().optional() });
const target = z
  .object({
    refId: z.string().optional(),
    datasource: datasourceRef.optional(),
    hide: z.boolean().optional(),
  })
  .loose();
interface RawPanel {
  title?: string | undefined;
  type: string;
  datasource?: z.infer<typeof datasourceRef> | null | undefined;
  targets?: z.infer<typeof target>[] | undefined;
  panels?: RawPanel[] | undefined;
}
const panel: z.ZodType<RawPanel> = z.lazy(() =>
  z.object({
    title: z.string().optional(),
    type: z.string(),
    datasource: datasourceRef.nullable().optional(),
    targets: z.array(target).optional(),
    panels: z.array(panel).optional(),
  }),
);
const variable = z.object({
  name: z.string(),
  allValue: z.string().nullable().optional(),
  current: z.object({ value: z.union([z.string(), z.array(z.string())]).optional() }).optional(),
});
const dashboard = z.object({
  uid: z.string(),
  title: z.string(),
  panels: z.array(panel).optional(),
  templating: z.object({ list: z.array(variable).optional() }).optional(),
});

export interface DashboardQueries {
  readonly uid: string;
  readonly title: string;
  /** Panel titles, rows excluded, collapsed rows' panels included. */
  readonly panelTitles: readonly string[];
  readonly queries: readonly PanelQuery[];
}

const ALL = '$__all';

/** The fields that hold a target's query text: PromQL/LogQL, TraceQL, Pyroscope's selector. */
const QUERY_TEXT_FIELDS = ['expr', 'query', 'labelSelector'];

function variableValues(list: readonly z.infer<typeof variable>[]): Map<string, string> {
  const values = new Map<string, string>();
  for (const v of list) {
    const current = v.current?.value ?? '';
    const selected = Array.isArray(current) ? current : [current];
    if (selected.includes(ALL)) {
      if (v.allValue === undefined || v.allValue === null) {
        throw new Error(
          `variable "${v.name}" selects All without an allValue; its options would have to be queried`,
        );
      }
      values.set(v.name, v.allValue);
    } else {
      values.set(v.name, selected.length > 1 ? `(${selected.join('|')})` : (selected[0] ?? ''));
    }
  }
  return values;
}

/** Replaces `$name`, `${name}`, `${name:format}` and `[[name]]` of known variables; leaves the rest. */
export function interpolate(text: string, values: ReadonlyMap<string, string>): string {
  return text.replace(
    /\$\{(\w+)(?::[\w-]+)?\}|\[\[(\w+)\]\]|\$(\w+)/g,
    (match, braced, bracketed, bare) => {
      const name = (braced ?? bracketed ?? bare) as string;
      return values.get(name) ?? match;
    },
  );
}

function flatten(panels: readonly RawPanel[]): RawPanel[] {
  return panels.flatMap((p) => (p.type === 'row' ? flatten(p.panels ?? []) : [p]));
}

export function dashboardQueries(json: unknown): DashboardQueries {
  const parsed = dashboard.safeParse(json);
  if (!parsed.success)
    throw new Error(`not a dashboard: ${parsed.error.issues[0]?.message ?? 'unknown shape'}`);
  const values = variableValues(parsed.data.templating?.list ?? []);
  const panels = flatten(parsed.data.panels ?? []);
  const queries = panels.flatMap((p) =>
    (p.targets ?? [])
      .filter((t) => t.hide !== true)
      .map((t, index): PanelQuery => {
        const source = t.datasource ?? p.datasource ?? undefined;
        if (source === undefined)
          throw new Error(`panel "${p.title}" has a query without a datasource`);
        const interpolated = Object.fromEntries(
          Object.entries(t).map(([key, value]) => [
            key,
            QUERY_TEXT_FIELDS.includes(key) && typeof value === 'string'
              ? interpolate(value, values)
              : value,
          ]),
        );
        return {
          panel: p.title ?? '(untitled)',
          refId: t.refId ?? String.fromCharCode(65 + index),
          datasource: source,
          target: interpolated,
        };
      }),
  );
  return {
    uid: parsed.data.uid,
    title: parsed.data.title,
    panelTitles: panels.map((p) => p.title ?? '(untitled)'),
    queries,
  };
}
