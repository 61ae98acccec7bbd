// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Grafana link variables, not JS templates.
import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadCompose, serviceNamed } from '../../harness/compose/compose.js';
import { isRecord } from '../../harness/repo/parsed-document.js';
import { readRepoYaml, repoPath } from '../../harness/repo/repo.js';

/**
 * Grafana expands environment variables in every string of a provisioning file
 * (grafana/grafana pkg/services/provisioning/values/values.go, interpolateValue: os.ExpandEnv
 * on each part between "$$", which stands for a literal "$"). A link variable written with a
 * single "$" (`${__value.raw}`, `$__tags`) is therefore replaced by an empty string at
 * startup, and the correlation it belonged to silently opens the wrong query.
 */

const PROVISIONING = ['datasources', 'dashboards'].map(
  (dir) => `infra/grafana/provisioning/${dir}`,
);

/** Grafana's own expanders, resolved before the environment: $__env{X}, $__file{F}, $__vault{P}. */
const EXPANDER = /\$__(?:env|file|vault)\{[^}]*\}/g;
const REFERENCE = /\$(?:\{([^}]*)\}|([A-Za-z0-9_]+))/g;

/** The environment variables a provisioned string reads (what os.ExpandEnv would replace). */
function environmentReferences(value: string): string[] {
  return value
    .split('$$')
    .flatMap((part) =>
      [...part.replace(EXPANDER, '').matchAll(REFERENCE)].map((m) => m[1] ?? m[2] ?? ''),
    );
}

function strings(value: unknown, path: string): { path: string; value: string }[] {
  if (typeof value === 'string') return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => strings(item, `${path}[${i}]`));
  if (isRecord(value)) {
    return Object.entries(value).flatMap(([key, child]) =>
      strings(child, path === '' ? key : `${path}.${key}`),
    );
  }
  return [];
}

describe('Grafana provisioning files', () => {
  const environment = serviceNamed(loadCompose(), 'grafana').environment;

  test('the check sees a link variable written with one "$"', () => {
    expect(environmentReferences('$${__value.raw} {$$__tags}')).toEqual([]);
    expect(environmentReferences('${__value.raw} {$__tags}')).toEqual(['__value.raw', '__tags']);
  });

  test('read only variables the grafana service sets; link variables are escaped as "$$"', () => {
    const files = PROVISIONING.flatMap((dir) =>
      readdirSync(repoPath(dir))
        .filter((name) => /\.ya?ml$/.test(name))
        .map((name) => `${dir}/${name}`),
    );
    const problems = files.flatMap((file) =>
      strings(readRepoYaml(file), '').flatMap(({ path, value }) =>
        environmentReferences(value)
          .filter((name) => environment[name] === undefined)
          .map(
            (name) =>
              `${file}: ${path}: "${value}" reads $${name} from the environment, which compose.yaml does not set for grafana, so Grafana replaces it with "": expected $$ for a literal "$"`,
          ),
      ),
    );
    expect(problems).toEqual([]);
  });
});
