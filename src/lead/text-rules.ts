/**
 * Which characters no text of a lead may hold, in one definition: the schema refuses them (at the field, so the
 * visitor can remove them; lead-schema.ts builds its check from `FORBIDDEN_CHARACTERS`), and the attribution taken
 * from a URL or storage, which no visitor typed, has them stripped. C0 and C1 controls and DEL (a message may keep
 * TAB, LF and CR), and the bidirectional embeddings, overrides and isolates, which can make text read differently
 * than it is (CVE-2021-42574, "Trojan Source"); and a lone surrogate (half of a UTF-16 pair), which is no character
at all and which Vitec, a .NET service, would store as a replacement character or refuse. Every RegExp made from it
takes the `u` flag, under which a surrogate pair (an emoji) is one character and only a lone half matches. Only what
the page needs before the schema loads is here.
 */

/** The body of a RegExp character class. */
export const FORBIDDEN_CHARACTERS = '\\u0000-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069\\ud800-\\udfff';

const ALL = new RegExp(`[${FORBIDDEN_CHARACTERS}]`, 'gu');

/** `value` without the characters no text may hold (line breaks and tabs too: attribution is one line). */
export function stripForbiddenCharacters(value: string): string {
  return value.replace(ALL, '');
}
