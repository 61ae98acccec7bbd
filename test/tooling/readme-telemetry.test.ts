import { describe, expect, it } from 'vitest';
import { readRepoFile } from '../../harness/repo/repo.js';
import { withGeneratedSections } from '../../scripts/readme-telemetry/marked-sections.js';
import { README_TELEMETRY_SECTIONS } from '../../scripts/readme-telemetry/tables.js';

describe("bot/README.md's telemetry tables", () => {
  it('are what the data contract renders (run `npm run docs:generate` if not)', () => {
    const readme = readRepoFile('bot/README.md');
    const rendered = withGeneratedSections(readme, README_TELEMETRY_SECTIONS, 'bot/README.md');
    // toBe would print both whole READMEs; the first differing line is what helps.
    const first = rendered.split('\n').findIndex((line, at) => line !== readme.split('\n')[at]);
    expect(first, `bot/README.md line ${first + 1} differs from the contract`).toBe(-1);
    expect(rendered).toHaveLength(readme.length);
  });

  it('are found between their markers, or the generator says which is missing', () => {
    expect(() =>
      withGeneratedSections('no markers', { 'telemetry-spans': () => '' }, 'README.md'),
    ).toThrow('README.md: expected one "<!-- generated:telemetry-spans -->"');
  });
});
