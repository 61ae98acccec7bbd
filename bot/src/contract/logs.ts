/**
 * The bot's log lines: pino JSON on stdout, and with `ROBOSHPEE_OTLP_LOGS=true` the same
 * records as OTel log records. `otlp` says where a field goes in the record: the pino
 * instrumentation maps `level`, `time` and `msg` onto the record, the trace fields onto its
 * trace context, and keeps the others as attributes (pid and hostname are on the resource).
 */
export interface LogField {
  readonly on: 'every line' | 'lines inside an interaction' | 'the interaction line';
  readonly otlp: 'attribute' | 'severity' | 'timestamp' | 'body' | 'trace context' | 'resource';
  readonly meaning: string;
}

const everyLine = (otlp: LogField['otlp'], meaning: string): LogField => ({
  on: 'every line',
  otlp,
  meaning,
});
const traceContext = (meaning: string): LogField => ({
  on: 'lines inside an interaction',
  otlp: 'trace context',
  meaning,
});
const interaction = (meaning: string): LogField => ({
  on: 'the interaction line',
  otlp: 'attribute',
  meaning,
});

/**
 * Each interaction ends with one `info` line whose text says the command, outcome and
 * duration (`/role add ok in 12 ms`), so Logs Drilldown finds one pattern per command and
 * outcome; its fields say the same, structured.
 */
export const LOG_FIELDS = {
  level: everyLine('severity', 'pino level (30 info, 40 warn, 50 error)'),
  time: everyLine('timestamp', 'milliseconds since the epoch'),
  pid: everyLine('resource', 'the process id (`process.pid`)'),
  hostname: everyLine('resource', 'the host name (`host.name`)'),
  name: everyLine('attribute', '`roboshpee`'),
  msg: everyLine('body', 'the text'),
  trace_id: traceContext('the trace of the interaction'),
  span_id: traceContext('the span active when the line was written'),
  trace_flags: traceContext('whether the trace is sampled'),
  type: interaction('`command` or `autocomplete`'),
  command: interaction('the slash command'),
  outcome: interaction('how it ended (see the outcomes under Spans)'),
  durationMs: interaction('milliseconds, to the microsecond'),
  role: interaction('game role or `other`; absent when the command names none'),
  user: interaction('the hashed id; absent with `ROBOSHPEE_USER_IDS=omit`'),
} as const satisfies Record<string, LogField>;

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
