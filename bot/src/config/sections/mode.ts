import { z } from 'zod';
import { booleanFlag } from '../fields/boolean-flag.js';
import { defineSection } from '../section.js';

export type Mode = 'discord' | 'demo';

/** ROBOSHPEE_DEMO, when set, forces a mode; unset, the mode follows from a token being given. */
export const modeSection = defineSection(
  z.object({ ROBOSHPEE_DEMO: booleanFlag('ROBOSHPEE_DEMO') }),
  (values) => ({ forcedDemo: values.ROBOSHPEE_DEMO }),
);

/** Demo mode: an explicit ROBOSHPEE_DEMO, else no token. The preload decides it the same way. */
export function modeOf(forcedDemo: boolean | undefined, tokenGiven: boolean): Mode {
  if (forcedDemo !== undefined) return forcedDemo ? 'demo' : 'discord';
  return tokenGiven ? 'discord' : 'demo';
}
