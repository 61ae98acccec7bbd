import { type DestinationStream, type Logger, pino } from 'pino';
import { traceContextFields } from './log-correlation.js';
import { withLogRecords } from './log-records.js';

/**
 * A logger writing JSON lines, by default on stdout (which journald or Docker keep) through
 * pino's asynchronous stdout stream, flushed synchronously on exit. Lines written inside a
 * span carry its trace ids; once the SDK sends logs, each line is an OTel log record too
 * (log-records.ts). The level starts at `info`.
 */
export function createLogger(
  name: string,
  destination: DestinationStream = pino.destination({ sync: false }),
): Logger {
  return pino({ name, level: 'info', mixin: traceContextFields }, withLogRecords(destination));
}

/** The bot's one logger; main.ts applies LOG_LEVEL once the configuration is validated. */
export const logger = createLogger('roboshpee');
