import { context, isSpanContextValid, trace } from '@opentelemetry/api';

/** The keys of the active span's context on every log line written inside a span. */
export const TRACE_CONTEXT_KEYS = ['trace_id', 'span_id', 'trace_flags'] as const;

type TraceContextFields = Partial<Record<(typeof TRACE_CONTEXT_KEYS)[number], string>>;

/**
 * A pino mixin: `trace_id`, `span_id` and `trace_flags` (two hex digits) of the active span,
 * which Loki's derived field and Grafana's trace-to-logs link read; nothing outside a span
 * or without the SDK (the API's context is then always the root). A new object each time:
 * pino merges the line's own fields into it.
 */
export function traceContextFields(): TraceContextFields {
  const spanContext = trace.getSpan(context.active())?.spanContext();
  if (spanContext === undefined || !isSpanContextValid(spanContext)) return {};
  return {
    trace_id: spanContext.traceId,
    span_id: spanContext.spanId,
    trace_flags: `0${spanContext.traceFlags.toString(16)}`,
  };
}
