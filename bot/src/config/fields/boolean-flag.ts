import { z } from 'zod';
import { got } from './echo.js';

/**
 * An on/off variable: exactly `true` or `false`, anything else refused by name (a `TRUE` or
 * `yes` read as false would silently turn a feature off). Unset is `undefined`, for the
 * caller's default.
 */
export const booleanFlag = (name: string) =>
  z
    .enum(['true', 'false'], {
      error: (issue) => `${name} must be 'true' or 'false', ${got(issue.input)}`,
    })
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true'));
