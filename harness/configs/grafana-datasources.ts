import { readdirSync } from 'node:fs';
import { isRecord } from '../repo/parsed-document.js';
import { readRepoYaml, repoPath } from '../repo/repo.js';
import { DATASOURCES_DIR } from '../repo/stack-files.js';

/**
 * The datasources Grafana provisions from infra/grafana/provisioning/datasources, for the
 * stack checks, the dashboard and alert checks (which may only use these uids) and the
 * container suites (which read the folder compose mounts into Grafana).
 */

export interface ProvisionedDatasource {
  readonly file: string;
  readonly name: string;
  readonly uid: string;
  readonly type: string;
  readonly url: string | undefined;
  readonly jsonData: Readonly<Record<string, unknown>>;
}

/** A link from one datasource to another (`jsonData...datasourceUid`). */
export interface DatasourceReference {
  readonly from: ProvisionedDatasource;
  /** Where in the datasource, e.g. `jsonData.tracesToLogsV2.datasourceUid`. */
  readonly path: string;
  readonly uid: string;
}

function datasourceFiles(folder: string): string[] {
  return readdirSync(repoPath(folder))
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => `${folder}/${name}`);
}

function fromEntry(file: string, entry: unknown, index: number): ProvisionedDatasource {
  const where = `${file}: datasources[${index}]`;
  if (!isRecord(entry)) throw new Error(`${where}: expected a mapping`);
  const { name, uid, type, url, jsonData } = entry;
  if (typeof uid !== 'string' || uid === '') throw new Error(`${where}.uid: expected a fixed uid`);
  if (typeof type !== 'string') throw new Error(`${where}.type: expected the datasource type`);
  return {
    file,
    name: typeof name === 'string' ? name : uid,
    uid,
    type,
    url: typeof url === 'string' ? url : undefined,
    jsonData: isRecord(jsonData) ? jsonData : {},
  };
}

/** `folder`: repository-relative; the container suites pass the one compose mounts into Grafana. */
export function loadProvisionedDatasources(folder = DATASOURCES_DIR): ProvisionedDatasource[] {
  return datasourceFiles(folder).flatMap((file) => {
    const document = readRepoYaml(file);
    if (!isRecord(document) || !Array.isArray(document.datasources)) {
      throw new Error(`${file}: expected a top-level "datasources" list`);
    }
    return document.datasources.map((entry, index) => fromEntry(file, entry, index));
  });
}

/** The uids Grafana will know, for checks on dashboards and alert rules. */
export function provisionedDatasourceUids(): Set<string> {
  return new Set(loadProvisionedDatasources().map((ds) => ds.uid));
}

function collectReferences(
  from: ProvisionedDatasource,
  value: unknown,
  path: string,
  into: DatasourceReference[],
): void {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) collectReferences(from, item, `${path}[${i}]`, into);
  } else if (isRecord(value)) {
    for (const [key, child] of Object.entries(value)) {
      const childPath = `${path}.${key}`;
      if (key === 'datasourceUid' && typeof child === 'string') {
        into.push({ from, path: childPath, uid: child });
      } else {
        collectReferences(from, child, childPath, into);
      }
    }
  }
}

/** Every correlation: exemplars, derived fields, traces to logs/metrics, service map, ... */
export function datasourceReferences(
  datasources: readonly ProvisionedDatasource[],
): DatasourceReference[] {
  const references: DatasourceReference[] = [];
  for (const ds of datasources) collectReferences(ds, ds.jsonData, 'jsonData', references);
  return references;
}
