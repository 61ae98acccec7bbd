/**
 * The value of a flag in a compose `command` list, written `--flag=value` or `--flag value`
 * (Go binaries accept both); undefined when the flag is absent.
 */
export function flagValue(command: readonly string[], flag: string): string | undefined {
  for (const [index, argument] of command.entries()) {
    if (argument.startsWith(`${flag}=`)) return argument.slice(flag.length + 1);
    if (argument === flag) return command[index + 1];
  }
  return undefined;
}
