import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { Secret } from '../secret.js';
import { defineSection } from '../section.js';

/**
 * Where the bot token comes from: the variable itself, or a file holding it (systemd's
 * LoadCredential, a Kubernetes or Docker secret), so the token need not sit in the
 * environment. Read raw here: the preload only asks whether one is given.
 */
export const discordTokenSection = defineSection(
  z.object({ DISCORD_TOKEN: z.string().optional(), DISCORD_TOKEN_FILE: z.string().optional() }),
  (values) => ({
    token: values.DISCORD_TOKEN === undefined ? undefined : new Secret(values.DISCORD_TOKEN),
    file: values.DISCORD_TOKEN_FILE,
  }),
);

export interface TokenSource {
  readonly token: Secret | undefined;
  readonly file: string | undefined;
}

const TOKEN_FORM = /^[\w.-]+$/;
// The token is a secret: the messages say what is wrong with it without repeating it.
const TOKEN_EXPECTED = "the bot token from the Developer Portal, without a 'Bot ' prefix or spaces";

/** A malformed DISCORD_TOKEN is refused in either mode, as a sign of a broken secret. */
export function tokenFormProblems(source: TokenSource): string[] {
  return source.token === undefined || TOKEN_FORM.test(source.token.reveal())
    ? []
    : [`DISCORD_TOKEN must be ${TOKEN_EXPECTED}`];
}

/** The token Discord mode logs in with, or the problems that prevent it. */
export function resolveToken(source: TokenSource): { token: Secret } | { problems: string[] } {
  if (source.token !== undefined && source.file !== undefined) {
    return {
      problems: [
        'set only one of DISCORD_TOKEN and DISCORD_TOKEN_FILE (the token, or a file holding it)',
      ],
    };
  }
  if (source.token !== undefined) {
    const problems = tokenFormProblems(source);
    return problems.length > 0 ? { problems } : { token: source.token };
  }
  if (source.file !== undefined) return tokenFromFile(source.file);
  return {
    problems: [
      // Discord mode without a token: ROBOSHPEE_DEMO=false asked for it.
      'DISCORD_TOKEN or DISCORD_TOKEN_FILE must be set to the bot token when ROBOSHPEE_DEMO=false (unset ROBOSHPEE_DEMO for demo mode)',
    ],
  };
}

function tokenFromFile(path: string): { token: Secret } | { problems: string[] } {
  let contents: string;
  try {
    contents = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return {
      problems: [
        `DISCORD_TOKEN_FILE must be a readable file holding the bot token, cannot read '${path}' (${reason})`,
      ],
    };
  }
  // Editors and `echo` end the file with a newline; the token itself never holds one.
  const token = contents.replace(/\r?\n$/, '');
  return TOKEN_FORM.test(token)
    ? { token: new Secret(token) }
    : { problems: [`DISCORD_TOKEN_FILE must hold ${TOKEN_EXPECTED}: '${path}' does not`] };
}
