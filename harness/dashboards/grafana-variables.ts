/**
 * Grafana replaces `$name`, `${name}` and `${name:format}` before a query reaches its
 * datasource; the grammars do not know them. Built-ins (`$__rate_interval`, `$__range`,
 * `$__auto`, ...) stand where a duration goes; dashboard variables sit inside quoted
 * label values and TraceQL strings, where any word will do.
 */
export function substituteGrafanaVariables(query: string): string {
  return query.replace(/\$\{?(\w+)(?::\w+)?\}?/g, (_match, name: string) =>
    name.startsWith('__') ? '5m' : 'value',
  );
}
