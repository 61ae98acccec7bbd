import { pino } from 'pino';

/**
 * The bot's one logger: JSON lines on stdout, which journald or Docker keep. The telemetry
 * preload patches pino to add trace ids and, if enabled, to send records over OTLP. The
 * level starts at `info`; main.ts applies LOG_LEVEL once the configuration is validated.
 */
export const logger = pino({ name: 'roboshpee', level: 'info' });
