import type { Outcome } from '../contract/outcomes.js';

export type InteractionType = 'command' | 'autocomplete';

/** What the per-interaction log line says, as fields beside its body. */
export interface InteractionSummary {
  readonly type: InteractionType;
  readonly command: string;
  readonly outcome: Outcome;
  readonly durationMs: number;
  readonly role?: string;
  readonly user?: string;
}

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
