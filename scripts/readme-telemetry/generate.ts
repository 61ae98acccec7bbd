import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { withGeneratedSections } from './marked-sections.js';
import { README_TELEMETRY_SECTIONS } from './tables.js';

// `npm run docs:generate` runs from the repository root. The tables live with the bot's
// telemetry section, beside the code they describe.
const README = 'bot/README.md';
const path = resolve(process.cwd(), README);
writeFileSync(
  path,
  withGeneratedSections(readFileSync(path, 'utf8'), README_TELEMETRY_SECTIONS, README),
);
console.log(`wrote ${README}`);
