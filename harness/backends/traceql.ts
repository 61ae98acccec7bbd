import { quoted } from './query-string-literal.js';

/** An attribute condition in a TraceQL spanset filter; intrinsics use their own form below. */
export interface AttributeCondition {
  readonly scope: 'resource' | 'span';
  readonly attribute: string;
  readonly value: string;
}

export type StatusValue = 'error' | 'ok' | 'unset';

export interface SpansetFilter {
  readonly attributes: readonly AttributeCondition[];
  /** The span name intrinsic (`name = "..."`). */
  readonly name?: string;
  readonly status?: StatusValue;
}

// Attribute names made of these characters need no quoting in TraceQL (`span.command.name`);
// anything else is written in the quoted form (`span."odd name"`).
const PLAIN_ATTRIBUTE = /^[A-Za-z_][A-Za-z0-9_.]*$/;

function attributeRef({ scope, attribute }: AttributeCondition): string {
  return PLAIN_ATTRIBUTE.test(attribute)
    ? `${scope}.${attribute}`
    : `${scope}.${quoted(attribute)}`;
}

// Grafana's TraceQL grammar (@grafana/lezer-traceql, what the query editor checks) rejects
// `\n` and `\t` escapes in strings, so such a value is refused here instead of being sent.
function traceqlString(value: string): string {
  if (/[\n\r\t]/.test(value)) {
    throw new Error(`TraceQL strings cannot carry line breaks or tabs: ${JSON.stringify(value)}`);
  }
  return quoted(value);
}

/** `{ resource.service.name = "roboshpee" && span.command.name = "/role add" }` */
export function spansetFilter(filter: SpansetFilter): string {
  const conditions = filter.attributes.map((c) => `${attributeRef(c)} = ${traceqlString(c.value)}`);
  if (filter.name !== undefined) conditions.push(`name = ${traceqlString(filter.name)}`);
  if (filter.status !== undefined) conditions.push(`status = ${filter.status}`);
  if (conditions.length === 0)
    throw new Error('a TraceQL spanset filter needs at least one condition');
  return `{ ${conditions.join(' && ')} }`;
}
