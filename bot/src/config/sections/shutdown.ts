import { z } from 'zod';
import { integerBetween } from '../fields/integer.js';
import { defineSection } from '../section.js';

export const shutdownSection = defineSection(
  z.object({
    // Long enough for a rate-limited Discord call to finish, short of systemd's 90 s kill.
    ROBOSHPEE_SHUTDOWN_TIMEOUT_MS: integerBetween(
      'ROBOSHPEE_SHUTDOWN_TIMEOUT_MS',
      1,
      60_000,
      10_000,
    ),
  }),
  (values) => values.ROBOSHPEE_SHUTDOWN_TIMEOUT_MS,
);
