import { excerpt, requestJson } from './http-json.js';
import { notYet, type Polled, pollUntil } from './poll.js';
import { spanTree } from './span-tree.js';
import { type FoundTrace, parseTraceSearch } from './tempo-search.js';
import { parseTrace, type TraceSpan } from './tempo-trace.js';

/**
 * Polls `/api/v2/traces/<id>` until the trace is whole: a root span and no span whose parent
 * is missing (the batch with the root may arrive after its children's).
 */
export function waitForTrace(
  tempoUrl: string,
  traceId: string,
  timeoutMs: number,
): Promise<Polled<TraceSpan[]>> {
  return pollUntil(
    async () => {
      const response = await requestJson(`${tempoUrl}/api/v2/traces/${traceId}`);
      if (response.status === 404) return notYet('404: not found yet');
      if (response.status !== 200) return notYet(`${response.status}: ${excerpt(response.body)}`);
      const spans = parseTrace(response.body);
      const tree = spanTree(spans);
      if (tree.roots.length === 0 || tree.orphans.length > 0) {
        return notYet(
          `${spans.length} spans, ${tree.roots.length} roots, ${tree.orphans.length} orphans`,
        );
      }
      return spans;
    },
    { description: `trace ${traceId} in Tempo`, timeoutMs },
  );
}

/** A TraceQL search over `[startSeconds, endSeconds]`; a non-200 answer is an error with its text. */
export async function searchTraces(
  tempoUrl: string,
  traceql: string,
  startSeconds: number,
  endSeconds: number,
): Promise<FoundTrace[]> {
  const query = new URLSearchParams({
    q: traceql,
    start: String(Math.floor(startSeconds)),
    end: String(Math.ceil(endSeconds)),
    limit: '100',
  });
  const response = await requestJson(`${tempoUrl}/api/search?${query}`);
  if (response.status !== 200)
    throw new Error(
      `Tempo search ${traceql} answered ${response.status}: ${excerpt(response.body)}`,
    );
  return parseTraceSearch(response.body);
}
