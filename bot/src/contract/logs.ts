/**
 * The bot's log lines: pino JSON on stdout, and with `ROBOSHPEE_OTLP_LOGS=true` the same
 * records as OTel log records (body = `msg`, the other fields as attributes).
 */
export const LOG_FIELDS = {
  base: ['level', 'time', 'pid', 'hostname', 'name', 'msg'],
  /** Set inside an interaction by the pino instrumentation. */
  traceContext: ['trace_id', 'span_id', 'trace_flags'],
} as const;

/**
 * The fields of the one `info` line each interaction ends with, whose text says the command,
 * outcome and duration (`/role add ok in 12 ms`), so Logs Drilldown finds one pattern per
 * command and outcome.
 */
export const INTERACTION_LOG_FIELDS = {
  type: '`command` or `autocomplete`',
  command: 'the slash command',
  outcome: 'how it ended (see Outcomes)',
  durationMs: 'milliseconds, to the microsecond',
  role: 'game role or `other`; absent when the command names none',
  user: 'the hashed id; absent with `ROBOSHPEE_USER_IDS=omit`',
} as const satisfies Record<string, string>;

/**
 * Labels the bot's OTLP logs carry in Loki 3.7: the resource attributes Loki indexes by
 * default (grafana/loki v3.7 pkg/loghttp/push/otlp_config.go,
 * DefaultOTLPResourceAttributesAsIndexLabels, dots -> underscores; infra/loki/loki.yaml
 * changes none) and the structured metadata it adds to every OTLP record
 * (pkg/loghttp/push/otlp.go: severity_text, trace_id, span_id).
 */
export const LOKI_STREAM_LABELS = [
  'service_name',
  'service_namespace',
  'service_instance_id',
  'deployment_environment',
  'deployment_environment_name',
] as const;
export const LOKI_METADATA = ['severity_text', 'trace_id', 'span_id'] as const;
