/**
 * Every text of a language, the first drawing's and the states' together, and the words for an error code: for the
 * lazily loaded part of the form (behaviour.ts), the relay and the tests. Swedish's state texts come from
 * sv-states.ts, here, so that the entry file does not carry them.
 */
import type { ErrorCode } from '../error-codes.js';
import type { FieldName } from '../fields.js';
import { formTextsOf, hasLanguage, type Lang, ownStatesOf } from './index.js';
import { states as svStates } from './sv-states.js';
import type { Messages } from './types.js';

const merged: Partial<Record<Lang, Messages>> = {};

/** The visitor's texts in `lang`, once loaded (Swedish's until then). */
export function messagesOf(lang: Lang): Messages {
  const own = merged[lang];
  if (own) return own;
  const messages = { ...formTextsOf(lang), ...(ownStatesOf(lang) ?? svStates) };
  // Kept once the language is here (until then, the Swedish ones stand in).
  if (hasLanguage(lang)) merged[lang] = messages;
  return messages;
}

/** The words for an error code at an input; `max` (the schema issue's) for `tooLong`. */
export function errorText(messages: Messages, code: ErrorCode, field: FieldName, max?: number): string {
  if (code === 'required') return messages.required[field];
  if (code === 'tooLong') return messages.tooLong(messages.labels[field], max ?? 0);
  return messages.errors[code];
}

/** The words for each input's error code. */
export function errorTexts(
  messages: Messages,
  codes: Partial<Record<FieldName, ErrorCode>>,
  maxima: Partial<Record<FieldName, number>> = {},
): Partial<Record<FieldName, string>> {
  const texts: Partial<Record<FieldName, string>> = {};
  for (const [field, code] of Object.entries(codes) as [FieldName, ErrorCode][])
    texts[field] = errorText(messages, code, field, maxima[field]);
  return texts;
}
