import { describe, expect, test } from 'vitest';
import { loadCompose, serviceNamed } from '../../harness/compose/compose.js';
import { alloyBlocks } from '../../harness/configs/alloy-config.js';
import { readRepoFile } from '../../harness/repo/repo.js';
import { ALLOY_CONFIG } from '../../harness/repo/stack-files.js';

/**
 * Optional backend credentials must not break the default stack, where they are unset.
 *
 * otelcol.auth.basic cannot carry empty credentials: Alloy (v1.19, internal/component/otelcol/
 * auth/basic/basic.go, ClientAuthConfig.convert) hands the collector's basicauth extension no
 * client credentials at all when the username or the password is empty, and that extension
 * refuses to start without them (errNoCredentialSource). otelcol.auth.headers has no such rule.
 */

const alloy = serviceNamed(loadCompose(), 'alloy');

/** What a credential expression evaluates to with compose's defaults, when that can be read. */
function valueWithComposeDefaults(expression: string): string | undefined {
  const env = /^sys\.env\("([^"]+)"\)$/.exec(expression)?.[1];
  if (env !== undefined) return alloy.environment[env] ?? '';
  const withDefault = /^coalesce\(\s*sys\.env\("[^"]+"\)\s*,\s*"([^"]*)"\s*\)$/.exec(expression);
  if (withDefault) return withDefault[1];
  return /^"([^"]*)"$/.exec(expression)?.[1];
}

describe(ALLOY_CONFIG, () => {
  test('no otelcol.auth.basic gets a username or password that is empty by default', () => {
    const problems = alloyBlocks(readRepoFile(ALLOY_CONFIG), 'otelcol.auth.basic').flatMap(
      (block) =>
        [...block.body.matchAll(/\b(username|password)\s*=\s*([^\n]+)/g)].flatMap(
          ([, key, expression = '']) => {
            const value = valueWithComposeDefaults(expression.trim());
            return value === ''
              ? [
                  `${ALLOY_CONFIG}:${block.line} otelcol.auth.basic "${block.label}": ${key} = ${expression.trim()} is empty with the compose defaults; Alloy then starts the basic-auth extension without credentials and it fails: expected otelcol.auth.headers for optional credentials`,
                ]
              : [];
          },
        ),
    );
    expect(problems).toEqual([]);
  });
});
