import type { GuildRole } from './guild-role.js';
import { foldName } from './role-matching.js';

/** Discord's limit on role names. */
export const MAX_ROLE_NAME_LENGTH = 100;

export type RoleNameProblem =
  | 'empty'
  | 'tooLong'
  | 'invisibleCharacters'
  | 'mentionLike'
  | 'duplicate';

export type RoleNameCheck =
  | { readonly ok: true; readonly name: string }
  | { readonly ok: false; readonly problem: RoleNameProblem; readonly existing?: string };

/** An emoji joined to the next by a zero-width joiner, which is how family and flag emoji are written. */
const EMOJI_JOINER = /\p{Extended_Pictographic}\uFE0F?\u200D(?=\p{Extended_Pictographic})/gu;
/** Control and format characters: zero-width spaces, bidi overrides, soft hyphens, ... */
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;
/** `@everyone`, `@here`, `@name`, and Discord's `<@id>`, `<@&id>`, `<#id>` syntax. */
const MENTION_LIKE = /^@|@(everyone|here)\b|<[@#][!&]?\d*>?/u;

/**
 * Whether `/role create` may create a role with this name. Names are trimmed; checks run on
 * the NFKC form, so a full-width `＠everyone` is as mention-like as `@everyone` and `Ｖalheim`
 * is a duplicate of `Valheim`. Invisible characters are refused rather than stripped: a name
 * that looks like an existing one but is not would be a trap for members.
 */
export function checkRoleName(raw: string, existing: readonly GuildRole[]): RoleNameCheck {
  const name = raw.trim();
  if (name.length === 0) return { ok: false, problem: 'empty' };
  if ([...name].length > MAX_ROLE_NAME_LENGTH) return { ok: false, problem: 'tooLong' };
  if (INVISIBLE.test(name.replace(EMOJI_JOINER, ''))) {
    return { ok: false, problem: 'invisibleCharacters' };
  }
  if (MENTION_LIKE.test(name.normalize('NFKC'))) return { ok: false, problem: 'mentionLike' };
  const folded = foldName(name);
  const duplicate = existing.find((role) => foldName(role.name) === folded);
  if (duplicate) return { ok: false, problem: 'duplicate', existing: duplicate.name };
  return { ok: true, name };
}
