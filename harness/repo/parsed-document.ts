/** Walking parsed YAML/JSON whose shape is not known in advance (configs, dashboards). */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows a path of keys through parsed YAML/JSON; undefined where any step is missing. */
export function dig(value: unknown, ...keys: readonly string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

export const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** A document that must be a mapping at the top level (a config file); `where` names it. */
export function topLevelMapping(document: unknown, where: string): Record<string, unknown> {
  if (!isRecord(document)) throw new Error(`${where}: expected a mapping at the top level`);
  return document;
}
