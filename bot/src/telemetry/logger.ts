import { type DestinationStream, type Logger, pino } from 'pino';
import { PinoPretty } from 'pino-pretty';
import { traceContextFields } from './log-correlation.js';
import { withLogRecords } from './log-records.js';

/** How lines reach stdout: JSON, or pino-pretty's lines for a person at a terminal. */
export type LogFormat = 'json' | 'pretty';

type Output = DestinationStream & { flush?(callback?: (error?: Error) => void): void };

/** pino's asynchronous stdout stream, flushed synchronously on exit. */
const json: Output = pino.destination({ sync: false });

let output: Output = json;

/**
 * Chooses how lines are written, before the first one (entry points, once their
 * configuration is read). Undefined: pretty on a terminal, JSON otherwise, so that
 * containers, journald and Alloy keep getting JSON.
 */
export function useLogFormat(format: LogFormat | undefined): void {
  const pretty = format === 'pretty' || (format === undefined && process.stdout.isTTY === true);
  output = pretty
    ? PinoPretty({
        // Written at once, so that nothing is lost on exit, as with the JSON stream's flush.
        sync: true,
        singleLine: true,
        translateTime: 'SYS:HH:MM:ss',
        ignore: 'pid,hostname',
      })
    : json;
}

/** stdout as chosen by useLogFormat, whenever a line is written. */
const stdoutLines: Output = {
  write: (line: string) => output.write(line),
  flush: (callback) => (output.flush ? output.flush(callback) : callback?.()),
};

/**
 * A logger writing one line per record, by default on stdout (which journald or Docker
 * keep). Lines written inside a span carry its trace ids; once the SDK sends logs, each line
 * is an OTel log record too (log-records.ts): pino hands every destination JSON, which
 * pino-pretty turns into text only at the last step. The level starts at `info`.
 */
export function createLogger(name: string, destination: DestinationStream = stdoutLines): Logger {
  return pino({ name, level: 'info', mixin: traceContextFields }, withLogRecords(destination));
}

/** The bot's one logger; main.ts applies LOG_LEVEL once the configuration is validated. */
export const logger = createLogger('roboshpee');
