import type { TraceSpan } from './tempo-trace.js';

export interface SpanTree {
  readonly roots: readonly TraceSpan[];
  readonly childrenOf: (span: TraceSpan) => readonly TraceSpan[];
  /** Spans whose parent is not in the trace: a broken context propagation (or a partial trace). */
  readonly orphans: readonly TraceSpan[];
  /** Every span under `span`, depth first. */
  readonly descendantsOf: (span: TraceSpan) => readonly TraceSpan[];
}

export function spanTree(spans: readonly TraceSpan[]): SpanTree {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  const children = new Map<string, TraceSpan[]>();
  const roots: TraceSpan[] = [];
  const orphans: TraceSpan[] = [];
  const byStart = [...spans].sort((a, b) => (a.startTimeUnixNano < b.startTimeUnixNano ? -1 : 1));
  for (const span of byStart) {
    if (span.parentSpanId === undefined) roots.push(span);
    else if (!byId.has(span.parentSpanId)) orphans.push(span);
    else {
      const siblings = children.get(span.parentSpanId) ?? [];
      siblings.push(span);
      children.set(span.parentSpanId, siblings);
    }
  }
  const childrenOf = (span: TraceSpan): readonly TraceSpan[] => children.get(span.spanId) ?? [];
  const descendantsOf = (span: TraceSpan): TraceSpan[] =>
    childrenOf(span).flatMap((child) => [child, ...descendantsOf(child)]);
  return { roots, childrenOf, orphans, descendantsOf };
}

/** An indented outline (`/role add [server, error]`) for assertion messages. */
export function outline(spans: readonly TraceSpan[]): string {
  const tree = spanTree(spans);
  const lines: string[] = [];
  const visit = (span: TraceSpan, depth: number): void => {
    lines.push(`${'  '.repeat(depth)}${span.name} [${span.kind}, ${span.status}]`);
    for (const child of tree.childrenOf(span)) visit(child, depth + 1);
  };
  for (const root of tree.roots) visit(root, 0);
  for (const orphan of tree.orphans)
    lines.push(`(orphan of ${orphan.parentSpanId}) ${orphan.name}`);
  return lines.join('\n');
}
