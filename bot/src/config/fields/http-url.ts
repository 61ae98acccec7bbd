import { z } from 'zod';
import { got } from './echo.js';

interface HttpUrlOptions {
  /** Completes "NAME must be ...". */
  readonly expected: string;
  readonly fallback: string;
  /**
   * `scheme` quotes only what precedes the first colon of a refused value: the rest may carry
   * credentials (https://user:token@host).
   */
  readonly echo: 'value' | 'scheme';
}

/** An http:// or https:// URL, as written (a parsed URL would normalise what the user wrote). */
export const httpUrl = (name: string, { expected, fallback, echo }: HttpUrlOptions) =>
  z
    .string()
    .default(fallback)
    .transform((raw, ctx) => {
      const protocol = URL.canParse(raw) ? new URL(raw).protocol : undefined;
      if (protocol !== 'http:' && protocol !== 'https:') {
        const quoted = echo === 'value' ? got(raw) : `got one starting '${raw.split(':')[0]}:'`;
        ctx.addIssue({ code: 'custom', message: `${name} must be ${expected}, ${quoted}` });
        return z.NEVER;
      }
      return raw;
    });
