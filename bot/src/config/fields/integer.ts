import { z } from 'zod';
import { got } from './echo.js';

/** Decimal digits only: no sign, no unit, no exponent (`10s` and `1e4` are refused). */
const DIGITS = /^\d+$/;

/** A count, port or duration in milliseconds between `min` and `max`, or `fallback` when unset. */
export const integerBetween = (name: string, min: number, max: number, fallback: number) =>
  bounded(
    name,
    `an integer from ${min} to ${max}`,
    fallback,
    (value) => value >= min && value <= max,
  );

/** A count or duration in milliseconds of at least `min`, or `fallback` when unset. */
export const integerAtLeast = (name: string, min: number, fallback: number) =>
  bounded(name, `an integer >= ${min}`, fallback, (value) => value >= min);

function bounded(
  name: string,
  expected: string,
  fallback: number,
  fits: (value: number) => boolean,
) {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined) return fallback;
      const value = Number(raw);
      if (!DIGITS.test(raw) || !Number.isSafeInteger(value) || !fits(value)) {
        ctx.addIssue({ code: 'custom', message: `${name} must be ${expected}, ${got(raw)}` });
        return z.NEVER;
      }
      return value;
    });
}
