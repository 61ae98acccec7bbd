import { readdirSync } from 'node:fs';
import { readRepoFile, repoFileExists, repoPath } from './repo.js';

export interface PackageManifest {
  /** Repository-relative path of the package.json. */
  readonly path: string;
  readonly dependencies: Readonly<Record<string, string>>;
  readonly devDependencies: Readonly<Record<string, string>>;
}

function manifestAt(path: string): PackageManifest {
  const manifest = JSON.parse(readRepoFile(path)) as Partial<PackageManifest>;
  return {
    path,
    dependencies: manifest.dependencies ?? {},
    devDependencies: manifest.devDependencies ?? {},
  };
}

/**
 * The root package.json and each npm workspace's (`dir` or `dir/*` as the root lists them):
 * the bot's runtime dependencies are in bot/package.json, the tooling's in the root's.
 */
export function packageManifests(): PackageManifest[] {
  const { workspaces = [] } = JSON.parse(readRepoFile('package.json')) as {
    workspaces?: string[];
  };
  const folders = workspaces.flatMap((pattern) =>
    pattern.endsWith('/*')
      ? readdirSync(repoPath(pattern.slice(0, -2)), { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => `${pattern.slice(0, -2)}/${entry.name}`)
      : [pattern],
  );
  return [
    'package.json',
    ...folders.map((folder) => `${folder}/package.json`).filter(repoFileExists),
  ].map(manifestAt);
}
