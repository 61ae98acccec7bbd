import { describe, expect, it } from 'vitest';
import { readRepoFile } from '../../harness/repo/repo.js';
import { renderObjectStorageConfigs } from '../../scripts/object-storage/configs.js';

describe('the committed object-storage configs match their local config and patch', () => {
  it.each([...renderObjectStorageConfigs(readRepoFile)])(
    '%s is up to date (run `npm run configs:generate` if not)',
    (path, content) => {
      expect(readRepoFile(path) === content, `${path} differs from its sources`).toBe(true);
    },
  );
});
