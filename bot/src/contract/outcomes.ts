/**
 * How an interaction ends: the `command.outcome` attribute and label, and the `outcome`
 * log field. Error ratios (dashboards, alerts) and span status count the failures.
 */
export const OUTCOME = {
  ok: { failure: false, meaning: 'served as asked' },
  rejected: {
    failure: false,
    meaning: "the user's doing (unknown role, already has it)",
  },
  forbidden: {
    failure: true,
    meaning: "the server's setup (Discord 50013: Manage Roles or hierarchy)",
  },
  error: {
    failure: true,
    meaning: 'everything else (Discord 5xx, timeouts, bugs, a command turned away during shutdown)',
  },
} as const satisfies Record<string, { readonly failure: boolean; readonly meaning: string }>;

export type Outcome = keyof typeof OUTCOME;

export const OUTCOMES = Object.keys(OUTCOME) as readonly Outcome[];

/** The outcomes that count against the bot: span status ERROR, error ratios. */
export const FAILED_OUTCOMES: readonly Outcome[] = OUTCOMES.filter(
  (outcome) => OUTCOME[outcome].failure,
);
