const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/;

/** The trace id of a W3C `traceparent` header, or null when absent, malformed or all zeros. */
export function traceIdOf(traceparent: string | undefined): string | null {
  const traceId = traceparent === undefined ? undefined : TRACEPARENT.exec(traceparent.trim())?.[1];
  return traceId === undefined || /^0+$/.test(traceId) ? null : traceId;
}
