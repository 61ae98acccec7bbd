import { z } from 'zod';
import type { LogFormat } from '../../telemetry/logger.js';
import { got } from '../fields/echo.js';
import { defineSection } from '../section.js';

/** pino's levels. */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const loggingSection = defineSection(
  z.object({
    LOG_LEVEL: z
      .enum(LOG_LEVELS, {
        error: (issue) => `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, ${got(issue.input)}`,
      })
      .default('info'),
  }),
  (values): LogLevel => values.LOG_LEVEL,
);

export const logFormatSection = defineSection(
  z.object({
    // Unset: pretty on a terminal, JSON otherwise (containers, journald and Alloy read JSON).
    LOG_FORMAT: z
      .enum(['json', 'pretty'], {
        error: (issue) => `LOG_FORMAT must be 'json' or 'pretty', ${got(issue.input)}`,
      })
      .optional(),
  }),
  (values): LogFormat | undefined => values.LOG_FORMAT,
);
