import { describe, expect, test } from 'vitest';
import { loadCompose, serviceNamed } from '../../harness/compose/compose.js';
import { stripComments } from '../../harness/configs/alloy-config.js';
import { readRepoFile, repoFileExists, repoPath } from '../../harness/repo/repo.js';
import { ALLOY_CONFIG } from '../../harness/repo/stack-files.js';

/**
 * The journal switch: config.alloy imports modules/journal-<on|off>.alloy, as ALLOY_JOURNAL
 * reads through its boolean_env (test/stack/boolean-settings.test.ts), and both files must
 * declare the same component with the same arguments, or one setting breaks.
 */

const MODULES = 'infra/alloy/modules';
const SWITCHED = ['on', 'off'] as const;

function declaredArguments(file: string): Record<string, string[]> {
  const code = stripComments(readRepoFile(file));
  const declared: Record<string, string[]> = {};
  for (const match of code.matchAll(/declare\s+"([^"]+)"\s*\{/g)) {
    const body = code.slice((match.index ?? 0) + match[0].length);
    const args = [...body.matchAll(/^\s*argument\s+"([^"]+)"/gm)].map((m) => m[1] ?? '');
    declared[match[1] ?? ''] = args.sort();
  }
  return declared;
}

describe(`${MODULES}/journal-*.alloy`, () => {
  test('both settings exist and declare the same component interface', () => {
    const missing = SWITCHED.map((mode) => `${MODULES}/journal-${mode}.alloy`).filter(
      (file) => !repoFileExists(file),
    );
    expect(
      missing.map((file) => `${file}: expected the file (imported by ${ALLOY_CONFIG})`),
    ).toEqual([]);
    expect(
      declaredArguments(`${MODULES}/journal-off.alloy`),
      `${MODULES}/journal-off.alloy: expected the declarations of journal-on.alloy`,
    ).toEqual(declaredArguments(`${MODULES}/journal-on.alloy`));
  });

  test('config.alloy imports them by ALLOY_JOURNAL and uses the declared component', () => {
    const code = stripComments(readRepoFile(ALLOY_CONFIG));
    expect(
      code,
      `${ALLOY_CONFIG}: import.file "journal": expected journal-%s.alloy chosen by ALLOY_JOURNAL`,
    ).toMatch(
      /boolean_env\s+"alloy_journal"\s*\{\s*variable\s*=\s*"ALLOY_JOURNAL"[\s\S]*import\.file\s+"journal"[\s\S]*?journal-%s\.alloy[\s\S]*?boolean_env\.alloy_journal\.switch/,
    );
    const used = [...code.matchAll(/^\s*journal\.(\w+)\s+"/gm)].map((m) => m[1]);
    expect(
      used,
      `${ALLOY_CONFIG}: expected journal.<component> blocks the modules declare`,
    ).toEqual(Object.keys(declaredArguments(`${MODULES}/journal-on.alloy`)));
  });

  test('compose mounts the modules where Alloy looks and keeps the journal off', () => {
    const alloy = serviceNamed(loadCompose(), 'alloy');
    // Compose writes bind sources absolute.
    const mount = alloy.mounts.find((m) => m.source === repoPath(MODULES));
    expect(
      mount?.target,
      `compose.yaml: services.alloy.volumes: expected ./${MODULES} mounted`,
    ).toBe(alloy.environment.ALLOY_MODULES_DIR);
    expect(
      alloy.environment.ALLOY_JOURNAL,
      'compose.yaml: services.alloy.environment.ALLOY_JOURNAL',
    ).toBe('off');
  });
});
