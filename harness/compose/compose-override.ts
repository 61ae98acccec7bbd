import { type Document, isNode, parseDocument } from 'yaml';
import { topLevelMapping } from '../repo/parsed-document.js';
import { readRepoFile } from '../repo/repo.js';
import { type Compose, parseCompose } from './compose.js';

/**
 * A compose override file (`docker compose -f compose.yaml -f <override>`), read as compose
 * reads it: YAML merge keys (`<<: *anchor`) applied, and the document kept so that a
 * check can see compose's own tags such as `!reset`.
 */
export interface ComposeOverride {
  readonly file: string;
  readonly document: Document;
  /** As written, merge keys applied (for the Compose schema). */
  readonly raw: Record<string, unknown>;
  /** Interpolated without a .env, like compose.yaml in harness/compose/compose.ts. */
  readonly compose: Compose;
}

export function loadComposeOverride(file: string): ComposeOverride {
  const document = parseDocument(readRepoFile(file), { merge: true });
  const raw = topLevelMapping(document.toJS(), file);
  return { file, document, raw, compose: parseCompose(raw) };
}

/** The YAML tag written on a node of the override (`!reset`, `!override`), if any. */
export function tagAt(override: ComposeOverride, ...path: readonly string[]): string | undefined {
  const node = override.document.getIn(path, true);
  return isNode(node) ? node.tag : undefined;
}
