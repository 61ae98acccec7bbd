// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Grafana's link variables (${__span.traceId}) are replaced here.
import { z } from 'zod';
import type { TraceSpan } from './tempo-trace.js';

/**
 * The Loki query behind Grafana's "Logs for this span" link, built the way Grafana 13 builds
 * it from the Tempo datasource's `tracesToLogsV2` settings (grafana/grafana
 * public/app/features/explore/TraceView/createSpanLink.tsx, the Loki branch without the
 * dynamic trace-to-logs feature flag): a stream selector from the mapped tags found on the
 * span or its resource, then a trace-id filter that matches the id in the line or in a
 * `trace_id` label (structured metadata).
 */

export const tracesToLogsSettings = z.object({
  datasourceUid: z.string(),
  tags: z.array(z.object({ key: z.string(), value: z.string().optional() })).optional(),
  filterByTraceID: z.boolean().optional(),
  filterBySpanID: z.boolean().optional(),
  customQuery: z.boolean().optional(),
  query: z.string().optional(),
  spanStartTimeShift: z.string().optional(),
  spanEndTimeShift: z.string().optional(),
});
export type TracesToLogsSettings = z.infer<typeof tracesToLogsSettings>;

/** The LogQL the link opens, or undefined when no mapped tag is on the span (Grafana shows no link). */
export function tracesToLogsQuery(
  settings: TracesToLogsSettings,
  span: TraceSpan,
): string | undefined {
  if (settings.customQuery) {
    if (settings.query === undefined)
      throw new Error('tracesToLogsV2.customQuery is set without a query');
    return settings.query
      .replaceAll('${__span.traceId}', span.traceId)
      .replaceAll('${__trace.traceId}', span.traceId)
      .replaceAll('${__span.spanId}', span.spanId);
  }
  const values = { ...span.resource, ...span.attributes };
  const selectors = (settings.tags ?? []).flatMap(({ key, value }) => {
    const found = values[key];
    return found === undefined || found === null ? [] : [`${value || key}="${String(found)}"`];
  });
  if (selectors.length === 0) return undefined;
  let expr = `{${selectors.join(', ')}}`;
  if (settings.filterByTraceID) {
    expr += ` | label_format log_line_contains_trace_id=\`{{ contains "${span.traceId}" __line__  }}\` | log_line_contains_trace_id="true" or trace_id="${span.traceId}"`;
  }
  if (settings.filterBySpanID) {
    expr += ` | label_format log_line_contains_span_id=\`{{ contains "${span.spanId}" __line__  }}\` | log_line_contains_span_id="true" or span_id="${span.spanId}"`;
  }
  return expr;
}
