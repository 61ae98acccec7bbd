import { readdirSync } from 'node:fs';
import { readRepoFile, repoPath } from '../repo/repo.js';
import { GENERATED_DASHBOARDS_DIR } from '../repo/stack-files.js';

/** The dashboard JSON files `npm run dashboards:generate` writes, as Grafana provisions them. */
export interface GeneratedDashboard {
  /** The file name inside dashboards/generated. */
  readonly file: string;
  readonly json: Record<string, unknown>;
}

export function generatedDashboards(): GeneratedDashboard[] {
  return readdirSync(repoPath(GENERATED_DASHBOARDS_DIR))
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({
      file,
      json: JSON.parse(readRepoFile(`${GENERATED_DASHBOARDS_DIR}/${file}`)) as Record<
        string,
        unknown
      >,
    }));
}
