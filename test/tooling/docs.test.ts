import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { markdownSections } from '../../harness/repo/markdown-sections.js';
import { REPO_ROOT, readRepoFile } from '../../harness/repo/repo.js';

/**
 * The README is read in five minutes and the rest lives beside what it describes: the README
 * stays short, and no Markdown file links to a file or heading that is not there.
 */

/** What is not the project's own text: dependencies, build output, tool state. */
const SKIPPED = new Set(['node_modules', 'dist', '.git', 'test-results', 'generated']);

function repositoryFiles(dir = REPO_ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name)) return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? repositoryFiles(path) : [relative(REPO_ROOT, path)];
  });
}

const files = repositoryFiles();
const markdownFiles = files.filter((file) => file.endsWith('.md')).sort();

/** Text outside fenced blocks and inline code, where a link is a link. */
function prose(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1\s*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** `[text](target)` links, without the optional title. */
function markdownLinks(markdown: string): string[] {
  return [...prose(markdown).matchAll(/\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map(
    (match) => match[1] ?? '',
  );
}

/** Why a relative link from `file` is broken, or undefined when it leads somewhere. */
function brokenLink(file: string, link: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(link)) return undefined; // https:, mailto:
  const [path = '', anchor] = link.split('#');
  const target = path === '' ? file : join(dirname(file), decodeURI(path));
  if (!existsSync(join(REPO_ROOT, target))) return `${link}: no file ${target}`;
  if (anchor === undefined || !target.endsWith('.md')) return undefined;
  if (statSync(join(REPO_ROOT, target)).isDirectory()) return undefined;
  const anchors = markdownSections(readFileSync(join(REPO_ROOT, target), 'utf8')).map(
    (section) => section.anchor,
  );
  return anchors.includes(anchor) ? undefined : `${link}: no heading #${anchor} in ${target}`;
}

describe('the README', () => {
  test('is read in five minutes: at most 150 lines', () => {
    const lines = readRepoFile('README.md').trimEnd().split('\n').length;
    expect(lines).toBeLessThanOrEqual(150);
  });

  test('starts with what a user does, not with what a contributor runs', () => {
    const headings = markdownSections(readRepoFile('README.md'))
      .filter((section) => section.level === 2)
      .map((section) => section.heading);
    expect(headings.slice(0, 2)).toEqual(['Quick start', 'The demo without Docker']);
    expect(headings).toContain('Troubleshooting');
  });
});

describe('links between the Markdown files', () => {
  test('the check finds links, and knows a broken one', () => {
    expect(markdownLinks('see [a](a.md#b) and `[not](x)` and [web](https://x.y)')).toEqual([
      'a.md#b',
      'https://x.y',
    ]);
    expect(brokenLink('README.md', 'no-such-file.md')).toBe(
      'no-such-file.md: no file no-such-file.md',
    );
    expect(brokenLink('README.md', '#no-such-heading')).toBe(
      '#no-such-heading: no heading #no-such-heading in README.md',
    );
    expect(brokenLink('README.md', 'LICENSE')).toBeUndefined();
  });

  test.each(markdownFiles)(
    '%s: every relative link leads to a file (and heading) that exists',
    (file) => {
      const broken = markdownLinks(readRepoFile(file))
        .map((link) => brokenLink(file, link))
        .filter((problem) => problem !== undefined);
      expect(broken).toEqual([]);
    },
  );
});

test('no owner/repo placeholder is left in any file: every link works as cloned', () => {
  const placeholder = ['OWNER', 'REPO'].join('/');
  const holding = files.filter(
    (file) =>
      !/\.(png|jpg|ico|gz|tgz|lock)$/.test(file) &&
      readFileSync(join(REPO_ROOT, file), 'utf8').includes(placeholder),
  );
  expect(holding).toEqual([]);
});
