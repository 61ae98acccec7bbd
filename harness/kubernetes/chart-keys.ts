import { isRecord } from '../repo/parsed-document.js';

/**
 * The value keys of a pinned chart, as read upstream at its tag (see `source`): only the keys
 * deploy/kubernetes sets, with the parents they need. Written by hand, not copied: this is a
 * key list, not the chart's schema, so it catches a misspelt or vanished key and, where
 * `values` says, a wrong type or value, and nothing else the chart would refuse.
 *
 * A `*` step stands for any key of a map whose keys the user names (destinations,
 * collectors). A key under one of `freeForm` is passed through by the chart's templates
 * (`toYaml`), so the backend's own config reference (infra/*, checked by test/stack) is what
 * governs it.
 */
export interface ChartKeys {
  readonly chart: string;
  readonly source: string;
  readonly keys: readonly string[];
  readonly freeForm: readonly string[];
  readonly values?: Readonly<Record<string, ValueRule>>;
}

/** What the chart takes at a key: its schema's type, or the only values it knows. */
export type ValueRule =
  | { readonly type: 'string' | 'boolean' | 'integer' | 'array' }
  | { readonly oneOf: readonly string[] }
  | { readonly eachOneOf: readonly string[] };

/** Every key path of a values document with its value, parents first (`a`, `a.b`, `a.b.c`). */
function keyEntries(value: unknown, prefix = ''): [string, unknown][] {
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(([key, child]): [string, unknown][] => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    return [[path, child], ...keyEntries(child, path)];
  });
}

/** Whether the path starts with the pattern's steps, `*` matching any one key. */
function startsWith(path: string, pattern: string): boolean {
  const steps = path.split('.');
  const patternSteps = pattern.split('.');
  return (
    patternSteps.length <= steps.length &&
    patternSteps.every((step, index) => step === '*' || step === steps[index])
  );
}

const matches = (path: string, pattern: string): boolean =>
  path.split('.').length === pattern.split('.').length && startsWith(path, pattern);

/** The paths of `values` that are neither keys of the chart nor under a free-form key. */
export function unknownChartKeys(values: unknown, chart: ChartKeys): string[] {
  return keyEntries(values)
    .map(([path]) => path)
    .filter(
      (path) =>
        !chart.keys.some((key) => matches(path, key)) &&
        !chart.freeForm.some((root) => startsWith(path, root)),
    );
}

/** What the chart takes instead, when the value breaks the rule. */
function unmetExpectation(rule: ValueRule, value: unknown): string | undefined {
  if ('oneOf' in rule) {
    return rule.oneOf.includes(value as string) ? undefined : `one of ${rule.oneOf.join(', ')}`;
  }
  if ('eachOneOf' in rule) {
    return Array.isArray(value) && value.every((item) => rule.eachOneOf.includes(item))
      ? undefined
      : `a list of ${rule.eachOneOf.join(', ')}`;
  }
  const actual = Array.isArray(value)
    ? 'array'
    : Number.isInteger(value)
      ? 'integer'
      : typeof value;
  return actual === rule.type ? undefined : `a ${rule.type}`;
}

/** The values of `values` that break the chart's rules, each with what the chart takes. */
export function wrongChartValues(values: unknown, chart: ChartKeys): string[] {
  const rules = Object.entries(chart.values ?? {});
  return keyEntries(values).flatMap(([path, value]) =>
    rules.flatMap(([pattern, rule]) => {
      const expected = matches(path, pattern) ? unmetExpectation(rule, value) : undefined;
      return expected === undefined
        ? []
        : [`${path}: ${JSON.stringify(value)}, ${chart.chart} takes ${expected}`];
    }),
  );
}
