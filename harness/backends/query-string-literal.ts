/**
 * A double-quoted string literal as PromQL, LogQL and TraceQL all read it (Go-style
 * escapes): the one place where user-controlled text (a command name, a trace id) enters a
 * query, so a quote or backslash in it can never change the query's meaning.
 */
export function quoted(value: string): string {
  const escaped = value
    .replaceAll('\\', '\\\\')
    .replaceAll('"', '\\"')
    .replaceAll('\n', '\\n')
    .replaceAll('\r', '\\r')
    .replaceAll('\t', '\\t');
  return `"${escaped}"`;
}
