import { z } from 'zod';
import { got } from './echo.js';

/** A variable that must match `pattern`; `expected` completes "NAME must be ...". */
export const matching = (name: string, pattern: RegExp, expected: string) =>
  z
    .string()
    .regex(pattern, { error: (issue) => `${name} must be ${expected}, ${got(issue.input)}` });
