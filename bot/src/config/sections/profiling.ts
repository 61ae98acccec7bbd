import { z } from 'zod';
import { booleanFlag } from '../fields/boolean-flag.js';
import { httpUrl } from '../fields/http-url.js';
import { integerAtLeast } from '../fields/integer.js';
import { defineSection } from '../section.js';

/** Continuous CPU and heap profiles to Pyroscope (compose turns it on). */
export const profilingSwitchSection = defineSection(
  z.object({ ROBOSHPEE_PROFILING: booleanFlag('ROBOSHPEE_PROFILING') }),
  (values) => values.ROBOSHPEE_PROFILING ?? false,
);

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
export const DEFAULT_PYROSCOPE_ADDRESS = 'http://localhost:4040';
/** The Pyroscope SDKs' period: one upload a minute keeps the cost out of sight. */
const DEFAULT_FLUSH_INTERVAL_MS = 60_000;
/** Below a second a profile holds too few 10 ms samples to say anything. */
const MIN_FLUSH_INTERVAL_MS = 1000;

export const pyroscopeSection = defineSection(
  z.object({
    PYROSCOPE_SERVER_ADDRESS: httpUrl('PYROSCOPE_SERVER_ADDRESS', {
      expected: 'an http:// or https:// URL',
      fallback: DEFAULT_PYROSCOPE_ADDRESS,
      echo: 'unless-credentials',
    }),
    PYROSCOPE_FLUSH_INTERVAL_MS: integerAtLeast(
      'PYROSCOPE_FLUSH_INTERVAL_MS',
      MIN_FLUSH_INTERVAL_MS,
      DEFAULT_FLUSH_INTERVAL_MS,
    ),
  }),
  (values): ProfilingSettings => ({
    serverAddress: new URL(values.PYROSCOPE_SERVER_ADDRESS),
    flushIntervalMillis: values.PYROSCOPE_FLUSH_INTERVAL_MS,
  }),
  { trim: true },
);
