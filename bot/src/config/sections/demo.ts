import { z } from 'zod';
import { got } from '../fields/echo.js';
import { integerBetween } from '../fields/integer.js';
import { interfaceAddress } from '../fields/interface-address.js';
import { matching } from '../fields/pattern.js';
import { defineSection } from '../section.js';

const RATE_EXPECTED = 'interactions per second, a number from 0 to 1000';

/** The demo's Discord double and its simulated traffic. */
export const demoSection = defineSection(
  z.object({
    ROBOSHPEE_DEMO_RATE: matching('ROBOSHPEE_DEMO_RATE', /^\d+(\.\d+)?$/, RATE_EXPECTED)
      .default('2')
      .transform(Number)
      .refine((rate) => rate <= 1000, {
        error: (issue) => `ROBOSHPEE_DEMO_RATE must be ${RATE_EXPECTED}, ${got(issue.input)}`,
      }),
    ROBOSHPEE_DEMO_HOST: interfaceAddress('ROBOSHPEE_DEMO_HOST'),
    // 0 picks a free port.
    ROBOSHPEE_DEMO_PORT: integerBetween('ROBOSHPEE_DEMO_PORT', 0, 65535, 0),
  }),
  (values) => ({
    /** Simulated interactions per second; 0 sends only those requested over the control API. */
    rate: values.ROBOSHPEE_DEMO_RATE,
    host: values.ROBOSHPEE_DEMO_HOST,
    port: values.ROBOSHPEE_DEMO_PORT,
  }),
);
