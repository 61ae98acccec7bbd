import { z } from 'zod';
import { matching } from '../fields/pattern.js';
import { defineSection } from '../section.js';

/** RGB of the colour that marks a game role. */
export const roleColorSection = defineSection(
  z.object({
    ROBOSHPEE_ROLE_COLOR: matching(
      'ROBOSHPEE_ROLE_COLOR',
      /^#[0-9a-fA-F]{6}$/,
      'a hex colour such as #206694',
    )
      .default('#206694')
      .transform((hex) => Number.parseInt(hex.slice(1), 16)),
  }),
  (values) => values.ROBOSHPEE_ROLE_COLOR,
);
