import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';
import { isRecord } from '../../support/parsed-document.js';
import { repoPath } from '../../support/repo.js';

/**
 * A chart's values.schema.json (a copy in test/kubernetes/chart-schemas), applied two ways:
 * as Helm applies it at `helm install` (types, required fields), and strictly, because
 * these schemas list their keys without forbidding others, so Helm would take a misspelt
 * key silently and the chart would ignore it.
 */
export interface ChartSchema {
  /** What Helm would refuse. */
  errors(values: unknown): string[];
  /** Keys the schema does not declare, where it declares the keys of their mapping. */
  undeclaredKeys(values: unknown): string[];
  /** Whether the schema declares the key at this dotted path. */
  declares(path: string): boolean;
}

type Schema = Record<string, unknown>;

export function loadChartSchema(file: string): ChartSchema {
  const schema = JSON.parse(
    readFileSync(repoPath(`test/kubernetes/chart-schemas/${file}`), 'utf8'),
  ) as Schema;
  // Their "$schema" names a draft by URLs Ajv does not register; draft-07 is Ajv's default.
  delete schema.$schema;
  const validate = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true }).compile(
    schema,
  );
  const definitions = isRecord(schema.definitions) ? schema.definitions : {};
  const resolve = (node: unknown): Schema[] => {
    if (!isRecord(node)) return [];
    const ref = typeof node.$ref === 'string' ? node.$ref.replace('#/definitions/', '') : undefined;
    const own = ref === undefined ? [node] : resolve(definitions[ref]);
    const branches = ['allOf', 'anyOf', 'oneOf'].flatMap((key) =>
      Array.isArray(node[key]) ? (node[key] as unknown[]).flatMap(resolve) : [],
    );
    return [...own, ...branches];
  };
  const undeclared = (value: unknown, node: unknown, path: string): string[] => {
    if (!isRecord(value)) return [];
    const schemas = resolve(node);
    const declared = schemas.filter((s) => isRecord(s.properties));
    const open = schemas.find((s) => isRecord(s.additionalProperties));
    return Object.entries(value).flatMap(([key, child]) => {
      const at = path === '' ? key : `${path}.${key}`;
      // A key several branches declare (destination types) may take any branch's keys.
      const branches = declared
        .map((s) => (s.properties as Schema)[key])
        .filter((branch) => branch !== undefined);
      if (branches.length > 0) return undeclared(child, { anyOf: branches }, at);
      if (open !== undefined) return undeclared(child, open.additionalProperties, at);
      return declared.length > 0 ? [at] : [];
    });
  };
  const declares = (node: unknown, keys: readonly string[]): boolean => {
    const [key, ...rest] = keys;
    if (key === undefined) return true;
    const branches = resolve(node)
      .map((s) => (isRecord(s.properties) ? s.properties[key] : undefined))
      .filter((branch) => branch !== undefined);
    return branches.length > 0 && declares({ anyOf: branches }, rest);
  };
  return {
    declares: (path) => declares(schema, path.split('.')),
    errors: (values) =>
      validate(values)
        ? []
        : (validate.errors ?? []).map(
            (error: ErrorObject) =>
              `${error.instancePath || '/'}: ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`,
          ),
    undeclaredKeys: (values) => undeclared(values, schema, ''),
  };
}
