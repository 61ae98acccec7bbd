import { excerpt, requestJson } from './http-json.js';
import { type LogEntry, parseLogStreams } from './loki-streams.js';

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
