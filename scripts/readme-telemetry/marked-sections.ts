/**
 * Replaces the text between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->` in a
 * document with what each renderer gives, leaving everything outside the markers as written.
 */
export function withGeneratedSections(
  document: string,
  sections: Readonly<Record<string, () => string>>,
  where: string,
): string {
  let result = document;
  for (const [name, render] of Object.entries(sections)) {
    const begin = `<!-- generated:${name} -->`;
    const end = `<!-- /generated:${name} -->`;
    const from = result.indexOf(begin);
    const to = result.indexOf(end);
    if (from === -1 || to < from || result.indexOf(begin, from + 1) !== -1) {
      throw new Error(`${where}: expected one "${begin}" followed by one "${end}"`);
    }
    result = `${result.slice(0, from + begin.length)}\n${render()}\n${result.slice(to)}`;
  }
  return result;
}
