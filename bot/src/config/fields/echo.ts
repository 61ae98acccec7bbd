/** How an error message quotes the value it refuses: cut short, so a pasted blob stays one line. */
export function got(input: unknown): string {
  const text = String(input);
  return `got '${text.length > 60 ? `${text.slice(0, 60)}...` : text}'`;
}
