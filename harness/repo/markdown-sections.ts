/**
 * The sections of a Markdown document by the anchor GitHub gives their heading (lowercase,
 * punctuation dropped, spaces to hyphens, a -1, -2... suffix on repeats), with their text up
 * to the next heading of the same or a higher level. Fenced code is not read for headings.
 */

export interface MarkdownSection {
  readonly anchor: string;
  readonly heading: string;
  readonly level: number;
  readonly body: string;
}

export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

export function markdownSections(markdown: string): MarkdownSection[] {
  const lines = markdown.split('\n');
  const headings: { index: number; level: number; text: string }[] = [];
  let fenced = false;
  for (const [index, line] of lines.entries()) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const match = fenced ? null : /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (match) headings.push({ index, level: match[1]?.length ?? 0, text: match[2] ?? '' });
  }
  const seen = new Map<string, number>();
  return headings.map((heading, i) => {
    const end = headings.slice(i + 1).find((next) => next.level <= heading.level)?.index;
    const base = headingAnchor(heading.text);
    const repeats = seen.get(base) ?? 0;
    seen.set(base, repeats + 1);
    return {
      anchor: repeats === 0 ? base : `${base}-${repeats}`,
      heading: heading.text,
      level: heading.level,
      body: lines
        .slice(heading.index + 1, end)
        .join('\n')
        .trim(),
    };
  });
}
