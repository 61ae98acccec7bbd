import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderObjectStorageConfigs } from './configs.js';

// `npm run configs:generate` runs from the repository root.
const read = (path: string): string => readFileSync(resolve(process.cwd(), path), 'utf8');
for (const [path, content] of renderObjectStorageConfigs(read)) {
  writeFileSync(resolve(process.cwd(), path), content);
  console.log(`wrote ${path}`);
}
