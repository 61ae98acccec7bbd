import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { renderOutputs } from './outputs.js';

// `npm run dashboards:generate` runs from the repository root.
for (const [path, content] of renderOutputs()) {
  const target = resolve(process.cwd(), path);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, content);
  console.log(`wrote ${path}`);
}
