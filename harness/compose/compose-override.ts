import { parse } from 'yaml';
import { topLevelMapping } from '../repo/parsed-document.js';
import { readRepoFile } from '../repo/repo.js';
import { COMPOSE_FILE } from '../repo/stack-files.js';
import { type Compose, loadCompose } from './compose.js';
import type { Environment } from './compose-config.js';

/**
 * A compose override file (`docker compose -f compose.yaml -f <override>`): what Compose
 * runs with it (merged, `!reset` applied, services of inactive profiles left out), and the
 * file as written, for the checks about the file itself (which services it defines).
 */
export interface ComposeOverride {
  readonly file: string;
  /** The override as written. */
  readonly written: Record<string, unknown>;
  /** compose.yaml with the override applied, as `docker compose config` reads the two. */
  readonly merged: Compose;
}

/** `env`: the variables interpolation sees (an override may require some: `${X:?...}`). */
export function loadComposeOverride(file: string, env: Environment = {}): ComposeOverride {
  return {
    file,
    // Compose's own tags (`!reset`, `!override`) are Compose's to apply, in `merged`.
    written: topLevelMapping(parse(readRepoFile(file), { logLevel: 'error' }), file),
    merged: loadCompose({ files: [COMPOSE_FILE, file], env }),
  };
}
