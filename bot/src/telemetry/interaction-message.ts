import type { InteractionSummary } from './observe.js';

/**
 * The body of the per-interaction log line, e.g. `/role add ok in 12 ms` or
 * `/role add autocomplete ok in 2 ms`: readable in a terminal, and a stable shape in which
 * Loki's pattern ingester sees one pattern per command and outcome. The exact duration and
 * the other fields stay structured beside it; whole milliseconds are enough to read.
 */
export function interactionMessage(summary: InteractionSummary): string {
  const what =
    summary.type === 'autocomplete' ? `${summary.command} autocomplete` : summary.command;
  return `${what} ${summary.outcome} in ${Math.round(summary.durationMs)} ms`;
}
