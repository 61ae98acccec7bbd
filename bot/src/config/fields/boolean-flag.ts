import { z } from 'zod';
import { got } from './echo.js';

/**
 * The spellings of an on/off variable, any case: the same as the stack's (Alloy's
 * `boolean_env` in infra/alloy/config.alloy), so one `.env` means the same to both. Anything
 * else is refused by name: a `ture` read as false would silently turn a feature off.
 */
export const BOOLEAN_SPELLINGS = {
  true: ['true', '1', 'yes', 'on'],
  false: ['false', '0', 'no', 'off'],
} as const;

// In the order Alloy's message lists them.
const EXPECTED = BOOLEAN_SPELLINGS.true
  .flatMap((on, at) => [on, BOOLEAN_SPELLINGS.false[at]])
  .join(', ');

/** An on/off variable; unset is `undefined`, for the caller's default. */
export const booleanFlag = (name: string) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined) return undefined;
      const spelling = raw.trim().toLowerCase();
      if ((BOOLEAN_SPELLINGS.true as readonly string[]).includes(spelling)) return true;
      if ((BOOLEAN_SPELLINGS.false as readonly string[]).includes(spelling)) return false;
      ctx.addIssue({ code: 'custom', message: `${name} must be one of ${EXPECTED}, ${got(raw)}` });
      return z.NEVER;
    });
