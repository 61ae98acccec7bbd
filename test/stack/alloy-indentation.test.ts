import { globSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT, readRepoFile } from '../../harness/repo/repo.js';

/**
 * `alloy fmt` indents with tabs, one per level, and aligns within a line with spaces
 * (grafana/alloy v1.19.0-rc.3, syntax/printer/printer.go: writeIndent appends '\t' per
 * level; the tabwriter pads with ' ' and keeps leading tabs, TabIndent). The container
 * suite compares each file with its fmt form where the Alloy image can be pulled; this
 * catches the indentation half of that anywhere.
 */
const ALLOY_FILES = globSync('infra/alloy/**/*.alloy', { cwd: REPO_ROOT }).sort();

function spaceIndentedLines(text: string): number[] {
  return text.split('\n').flatMap((line, i) => (/^\t* /.test(line) ? [i + 1] : []));
}

describe('infra/alloy indentation', () => {
  test('finds the config and its modules', () => {
    expect(ALLOY_FILES).toEqual(
      expect.arrayContaining([
        'infra/alloy/config.alloy',
        'infra/alloy/modules/journal-on.alloy',
        'infra/alloy/modules/journal-off.alloy',
      ]),
    );
  });

  test.each(ALLOY_FILES)('%s indents with tabs only, as alloy fmt prints', (file) => {
    const lines = spaceIndentedLines(readRepoFile(file));
    expect(lines, `${file}: lines indented with spaces (alloy fmt -w fixes them)`).toEqual([]);
  });

  test('a line indented with spaces is reported by its number', () => {
    expect(spaceIndentedLines('a {\n\tb = 1\n  c = 2\n\t  d = 3\n}')).toEqual([3, 4]);
  });
});
