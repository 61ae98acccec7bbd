import { type Document, isMap, isScalar, type Node, Pair, YAMLMap } from 'yaml';

/**
 * Applies a JSON merge patch (RFC 7386) to a YAML document in place: a mapping merges into
 * the mapping at its key, null deletes the key, anything else (a scalar, a list) replaces
 * what was there. Working on document nodes rather than plain objects keeps the comments of
 * both files, so the merged config still says why each value is what it is.
 */
export function applyMergePatch(target: Document, patch: Document): void {
  if (!isMap(target.contents) || !isMap(patch.contents)) {
    throw new Error('a merge patch must be a YAML mapping applied to a YAML mapping');
  }
  mergeInto(target.contents, patch.contents);
}

function isNull(value: unknown): boolean {
  return value === null || (isScalar(value) && value.value === null);
}

function mergeInto(target: YAMLMap, patch: YAMLMap): void {
  for (const pair of patch.items) {
    const key = isScalar(pair.key) ? pair.key.value : pair.key;
    const value = pair.value as Node | null;
    const existing = target.get(key, true);
    if (isNull(value)) {
      target.delete(key);
    } else if (isMap(value) && isMap(existing)) {
      mergeInto(existing, value);
    } else if (isMap(value)) {
      // A new mapping: built through the same merge, so nulls inside it are dropped too.
      const fresh = new YAMLMap();
      target.delete(key);
      target.items.push(new Pair(pair.key, fresh));
      mergeInto(fresh, value);
    } else if (target.has(key)) {
      target.set(key, value);
    } else {
      // The patch's own pair, so the comment above its key comes along.
      target.items.push(pair);
    }
  }
}
