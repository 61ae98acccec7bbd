import { z } from 'zod';
import { settingsOrThrow } from '../settings.js';

/**
 * Where and how often profiles go, read only when ROBOSHPEE_PROFILING=true. The variable
 * names are the Pyroscope SDKs' own, so the Pyroscope documentation applies.
 */
export interface ProfilingSettings {
  /** Base URL of Pyroscope's ingest API (Pyroscope itself, or Alloy's receiver). */
  readonly serverAddress: URL;
  /** One CPU and one heap profile per interval. */
  readonly flushIntervalMillis: number;
}

/** Pyroscope's own port on this machine, as the Pyroscope SDKs default to. */
const DEFAULT_SERVER_ADDRESS = 'http://localhost:4040';
/** The Pyroscope SDKs' period: one upload a minute keeps the cost out of sight. */
const DEFAULT_FLUSH_INTERVAL_MS = 60_000;
/** Below a second a profile holds too few 10 ms samples to say anything. */
const MIN_FLUSH_INTERVAL_MS = 1000;

const schema = z.object({
  PYROSCOPE_SERVER_ADDRESS: z
    .string()
    .default(DEFAULT_SERVER_ADDRESS)
    .transform((raw, ctx) => {
      const url = URL.canParse(raw) ? new URL(raw) : undefined;
      if (url === undefined || !['http:', 'https:'].includes(url.protocol)) {
        ctx.addIssue({
          code: 'custom',
          // Only the scheme: the rest may carry credentials (https://user:token@host).
          message: `PYROSCOPE_SERVER_ADDRESS must be an http:// or https:// URL, got one starting '${raw.split(':')[0]}:'`,
        });
        return z.NEVER;
      }
      return url;
    }),
  PYROSCOPE_FLUSH_INTERVAL_MS: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined) return DEFAULT_FLUSH_INTERVAL_MS;
      const value = Number(raw);
      if (!/^\d+$/.test(raw) || value < MIN_FLUSH_INTERVAL_MS) {
        ctx.addIssue({
          code: 'custom',
          message: `PYROSCOPE_FLUSH_INTERVAL_MS must be an integer >= ${MIN_FLUSH_INTERVAL_MS}, got '${raw}'`,
        });
        return z.NEVER;
      }
      return value;
    }),
});

export function readProfilingSettings(env: NodeJS.ProcessEnv = process.env): ProfilingSettings {
  const value = settingsOrThrow(
    schema.safeParse({
      PYROSCOPE_SERVER_ADDRESS: env.PYROSCOPE_SERVER_ADDRESS?.trim() || undefined,
      PYROSCOPE_FLUSH_INTERVAL_MS: env.PYROSCOPE_FLUSH_INTERVAL_MS?.trim() || undefined,
    }),
  );
  return {
    serverAddress: value.PYROSCOPE_SERVER_ADDRESS,
    flushIntervalMillis: value.PYROSCOPE_FLUSH_INTERVAL_MS,
  };
}
