/**
 * Which characters no text of a lead may hold, in one definition: the schema refuses them (at the field, so the
 * visitor can remove them), and the attribution taken from a URL or storage, which no visitor typed, has them
 * stripped. C0 and C1 controls and DEL (a message may keep TAB, LF and CR), and the bidirectional embeddings,
 * overrides and isolates, which can make text read differently than it is (CVE-2021-42574, "Trojan Source").
 */
const FORBIDDEN = '\\u0000-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069';
const LINES = '\\t\\n\\r';

const ANY = new RegExp(`[${FORBIDDEN}]`);
const ANY_BUT_LINES = new RegExp(`(?![${LINES}])[${FORBIDDEN}]`);
const ALL = new RegExp(`[${FORBIDDEN}]`, 'g');

/** White space and the invisible characters a name cannot consist of alone. */
export const INVISIBLE = /[\s\u200b-\u200d\u2060\ufeff]/g;

/** Whether `value` holds a character no text may hold (TAB, LF and CR allowed when `multiline`). */
export function hasForbiddenCharacters(value: string, multiline = false): boolean {
  return (multiline ? ANY_BUT_LINES : ANY).test(value);
}

/** `value` without the characters no text may hold (line breaks and tabs too: attribution is one line). */
export function stripForbiddenCharacters(value: string): string {
  return value.replace(ALL, '');
}
