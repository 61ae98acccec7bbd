import { z } from 'zod';
import { got } from './echo.js';

interface HttpUrlOptions {
  /** Completes "NAME must be ...". */
  readonly expected: string;
  /**
   * `unless-credentials` quotes a refused value that holds an `@` only up to its first colon:
   * the rest may carry credentials (https://user:token@host).
   */
  readonly echo: 'value' | 'unless-credentials';
}

/** The check itself: the value as written (a parsed URL would normalise what the user wrote). */
const checked =
  (name: string, { expected, echo }: HttpUrlOptions) =>
  (raw: string, ctx: z.core.$RefinementCtx<string | undefined>): string => {
    const protocol = URL.canParse(raw) ? new URL(raw).protocol : undefined;
    if (protocol !== 'http:' && protocol !== 'https:') {
      const quoted =
        echo === 'value' || !raw.includes('@')
          ? got(raw)
          : `got one starting '${raw.split(':')[0]}:'`;
      ctx.addIssue({ code: 'custom', message: `${name} must be ${expected}, ${quoted}` });
      return z.NEVER;
    }
    return raw;
  };

/** An http:// or https:// URL, or `fallback` when unset. */
export const httpUrl = (name: string, options: HttpUrlOptions & { readonly fallback: string }) =>
  z
    .string()
    .default(options.fallback)
    .transform((raw, ctx) => checked(name, options)(raw, ctx));

/** An http:// or https:// URL, or `undefined` when unset. */
export const optionalHttpUrl = (name: string, options: HttpUrlOptions) => {
  const check = checked(name, options);
  return z
    .string()
    .optional()
    .transform((raw, ctx) => (raw === undefined ? undefined : check(raw, ctx)));
};
