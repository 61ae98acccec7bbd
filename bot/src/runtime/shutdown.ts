import closeWithGrace from 'close-with-grace';
import type { Logger } from 'pino';
import { describeError } from '../discord/discord-error.js';

export interface ShutdownOptions {
  /** Budget for `stop`; past it the process exits with status 1 anyway. */
  readonly timeoutMs: number;
  readonly logger: Logger;
}

export interface ShutdownCause {
  readonly signal?: string;
  readonly err?: unknown;
}

/**
 * Runs `stop` once on a termination signal (SIGTERM, SIGINT, ...) or an uncaught exception,
 * then exits: 0 after a signal, 1 after an error or when `stop` outlasts its budget.
 *
 * A promise rejection nobody handled is only logged: one stray rejection in a library's
 * event path must not take the bot off every server it serves. An uncaught exception still
 * ends the process (after `stop`), since Node leaves it in an unknown state; the service
 * manager restarts it. Returns a function that removes the handlers.
 */
export function onShutdown(
  options: ShutdownOptions,
  stop: (cause: ShutdownCause) => Promise<void>,
): () => void {
  const { logger } = options;
  const onStrayRejection = (reason: unknown) =>
    logger.error({ error: describeError(reason) }, 'unhandled promise rejection; still serving');
  process.on('unhandledRejection', onStrayRejection);
  const graceful = closeWithGrace(
    {
      delay: options.timeoutMs,
      skip: ['unhandledRejection'],
      logger: {
        error: (problem: unknown) =>
          typeof problem === 'string'
            ? logger.error(problem)
            : logger.error({ error: describeError(problem) }, 'shutdown problem'),
      },
    },
    async ({ signal, err }) => {
      if (err) logger.error({ error: describeError(err) }, 'unexpected error, shutting down');
      await stop({ ...(signal === undefined ? {} : { signal }), ...(err ? { err } : {}) });
    },
  );
  return () => {
    graceful.uninstall();
    process.off('unhandledRejection', onStrayRejection);
  };
}
