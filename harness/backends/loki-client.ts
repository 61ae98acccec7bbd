import { excerpt, requestJson } from './http-json.js';
import { logQuery } from './logql.js';
import { type LogEntry, parseLogStreams } from './loki-streams.js';
import { notYet, type Polled, pollUntil } from './poll.js';

/** A LogQL log query over `[startNs, endNs)`; a non-200 answer is an error with Loki's text. */
export async function queryLogs(
  lokiUrl: string,
  logql: string,
  startNs: bigint,
  endNs: bigint,
): Promise<LogEntry[]> {
  const query = new URLSearchParams({
    query: logql,
    start: String(startNs),
    end: String(endNs),
    limit: '1000',
    direction: 'forward',
  });
  const response = await requestJson(`${lokiUrl}/loki/api/v1/query_range?${query}`);
  if (response.status !== 200)
    throw new Error(`Loki ${logql} answered ${response.status}: ${excerpt(response.body)}`);
  return parseLogStreams(response.body);
}

/**
 * Polls Loki until `service`'s log lines of one trace are there (the trace id is structured
 * metadata, so it is matched after the stream selector), looking back an hour.
 */
export function waitForTraceLogs(
  lokiUrl: string,
  service: string,
  traceId: string,
  timeoutMs: number,
): Promise<Polled<LogEntry[]>> {
  const logql = logQuery({
    stream: { service_name: service },
    labelFilters: { trace_id: traceId },
  });
  const from = BigInt(Date.now() - 3_600_000) * 1_000_000n;
  return pollUntil(
    async () => {
      const found = await queryLogs(lokiUrl, logql, from, BigInt(Date.now() + 60_000) * 1_000_000n);
      return found.length > 0 ? found : notYet('no line yet');
    },
    { description: `log lines of ${logql}`, timeoutMs, intervalMs: 2_000 },
  );
}
