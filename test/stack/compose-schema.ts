import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject } from 'ajv';

/**
 * The Compose specification schema, as bundled by dclint 3.1.0 (the same JSON the
 * compose-spec project publishes), compiled with the options dclint itself uses.
 */

const require = createRequire(import.meta.url);

function loadSchema(): Record<string, unknown> {
  const packageJson = require.resolve('dclint/package.json');
  const path = packageJson.replace(/package\.json$/, 'schemas/compose.schema.json');
  const schema = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  // Its "$schema" names draft-07 by an https URL Ajv does not register; draft-07 is Ajv's default.
  delete schema.$schema;
  return schema;
}

const validate = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true }).compile(
  loadSchema(),
);

/** One line per violation: where in the document, and what the schema expected. */
export function composeSchemaErrors(document: unknown): string[] {
  if (validate(document)) return [];
  return (validate.errors ?? []).map(
    (error: ErrorObject) =>
      `${error.instancePath || '/'}: ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`,
  );
}
