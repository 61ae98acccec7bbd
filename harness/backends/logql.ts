import { quoted } from './query-string-literal.js';

export interface LogQuery {
  /** Stream selector labels (indexed), e.g. `{ service_name: 'roboshpee' }`. */
  readonly stream: Readonly<Record<string, string>>;
  /**
   * Label filters applied after the selector, where structured metadata such as `trace_id`
   * is matched (Loki keeps it out of the index, so it cannot go in the selector).
   */
  readonly labelFilters?: Readonly<Record<string, string>>;
  /** Line filter (`|= "..."`), applied before label filters. */
  readonly contains?: string;
}

const LABEL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function labelName(name: string): string {
  if (!LABEL_NAME.test(name)) throw new Error(`"${name}" is not a valid Loki label name`);
  return name;
}

/** `{service_name="roboshpee"} |= "Added" | trace_id="4bf9..."` */
export function logQuery(query: LogQuery): string {
  const matchers = Object.entries(query.stream).map(([k, v]) => `${labelName(k)}=${quoted(v)}`);
  if (matchers.length === 0) throw new Error('a LogQL stream selector needs at least one label');
  let expression = `{${matchers.join(', ')}}`;
  if (query.contains !== undefined) expression += ` |= ${quoted(query.contains)}`;
  for (const [k, v] of Object.entries(query.labelFilters ?? {})) {
    expression += ` | ${labelName(k)}=${quoted(v)}`;
  }
  return expression;
}
