/** One HTTP request the double received, as tests assert on it. */
export interface RecordedCall {
  readonly method: string;
  /** The path without the query string, e.g. `/api/v10/guilds/1/members/2/roles/3`. */
  readonly path: string;
  /** The query string without `?`, or '' when there is none. */
  readonly query: string;
  /** Lower-case header names. Kept in memory for assertions; never logged. */
  readonly headers: Readonly<Record<string, string>>;
  /** Parsed JSON body, the raw text when it is not JSON, or null when empty. */
  readonly body: unknown;
  /** The status the double answered with. */
  status: number;
  /** Set when the answer was an injected failure rather than Discord's normal behaviour. */
  injected?: 'rate-limit' | 'server-error' | 'discord-error' | 'hierarchy-drift';
  /** Milliseconds since the double started. */
  readonly at: number;
}
