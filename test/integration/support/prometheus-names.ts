/**
 * How Mimir names what arrives over OTLP when `otel_metric_suffixes_enabled` is false (the
 * project's choice, set in infra/mimir/mimir.yaml): characters invalid in Prometheus names
 * become underscores and nothing is appended. `roboshpee.commands` -> `roboshpee_commands`,
 * `command.name` -> `command_name`.
 */
export function prometheusName(otlpName: string): string {
  return otlpName.replace(/[^A-Za-z0-9_:]/g, '_');
}
