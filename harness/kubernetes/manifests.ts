import { readdirSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { KUBERNETES_DIR } from '../repo/deploy-files.js';
import { isRecord } from '../repo/parsed-document.js';
import { readRepoFile, repoPath } from '../repo/repo.js';

/** One Kubernetes object of deploy/kubernetes, with where it was read from. */
export interface Manifest {
  /** `file#index`, for messages. */
  readonly where: string;
  readonly object: Record<string, unknown>;
}

/** The folders of deploy/kubernetes that hold objects for `kubectl apply -f` (not chart values). */
export const MANIFEST_DIRS = ['bot', 'grafana'] as const;

export function yamlFilesIn(dir: string): string[] {
  return readdirSync(repoPath(dir))
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) => `${dir}/${file}`);
}

export function loadManifests(): Manifest[] {
  return MANIFEST_DIRS.flatMap((dir) => yamlFilesIn(`${KUBERNETES_DIR}/${dir}`)).flatMap((file) =>
    parseAllDocuments(readRepoFile(file)).map((document, index) => {
      const object = document.toJS() as unknown;
      if (!isRecord(object)) throw new Error(`${file}#${index}: expected a Kubernetes object`);
      return { where: `${file}#${index}`, object };
    }),
  );
}

export function manifestsOfKind(manifests: readonly Manifest[], kind: string): Manifest[] {
  return manifests.filter((manifest) => manifest.object.kind === kind);
}
