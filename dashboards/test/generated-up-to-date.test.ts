import { describe, expect, it } from 'vitest';
import { readRepoFile } from '../../harness/repo/repo.js';
import { renderOutputs } from '../src/outputs.js';

describe('the committed generated files match what the TypeScript sources produce', () => {
  it.each([...renderOutputs()].map(([path, content]) => [path, content] as const))(
    '%s is up to date (run `npm run dashboards:generate` if not)',
    (path, content) => {
      expect(readRepoFile(path) === content, `${path} differs from its sources`).toBe(true);
    },
  );
});
