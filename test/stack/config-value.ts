import { dig } from '../../harness/repo/parsed-document.js';

/** The value at a dotted path of a parsed config (`limits.otel_metric_suffixes_enabled`), or undefined. */
export function valueAt(document: unknown, path: string): unknown {
  return dig(document, ...path.split('.'));
}

/** A setting the stack relies on: where it is, what it must be, and a test for it. */
export interface Expectation {
  readonly path: string;
  readonly expected: string;
  readonly accepts: (value: unknown) => boolean;
}

/** One message per setting that is not what the stack relies on, naming file, key and expectation. */
export function unmet(
  file: string,
  document: unknown,
  expectations: readonly Expectation[],
): string[] {
  return expectations.flatMap(({ path, expected, accepts }) => {
    const value = valueAt(document, path);
    return accepts(value)
      ? []
      : [`${file}: ${path}: expected ${expected}, got ${JSON.stringify(value)}`];
  });
}
