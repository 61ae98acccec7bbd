import { z } from 'zod';
import type { PrivacySettings } from '../../telemetry/privacy.js';
import { got } from '../fields/echo.js';
import { defineSection } from '../section.js';

/** What telemetry and log lines may say about people; applies with or without the SDK. */
export const privacySection = defineSection(
  z.object({
    ROBOSHPEE_USER_IDS: z
      .enum(['hash', 'omit'], {
        error: (issue) => `ROBOSHPEE_USER_IDS must be 'hash' or 'omit', ${got(issue.input)}`,
      })
      .default('hash'),
  }),
  (values): PrivacySettings => ({ userIds: values.ROBOSHPEE_USER_IDS }),
);
