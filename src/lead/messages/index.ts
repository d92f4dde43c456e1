/**
 * The texts of the languages in `languages.ts`, by language, and what picks and words one. Swedish is here from the
 * start; another language once `loadLanguage` has loaded its file (until then its texts are Swedish's).
 */
import { fieldOfPath, type FieldName } from '../fields.js';
import type { ErrorCode } from '../error-codes.js';
import { LANGUAGE_FILES } from './languages.js';
import * as sv from './sv.js';
import type { Messages, RelayMessages } from './types.js';

export type { Messages, RelayMessages } from './types.js';

export type Lang = keyof typeof LANGUAGE_FILES;

/** Every language's code. */
export const LANGS = Object.keys(LANGUAGE_FILES) as Lang[];
/** What the form and the relay speak when nothing else is asked for: Swedish, as Vitec does. */
const DEFAULT_LANG: Lang = 'sv';

interface LanguageFile {
  messages: Messages;
  relayMessages: RelayMessages;
}
const loaded: Partial<Record<Lang, LanguageFile>> = { sv };
const loading: Partial<Record<Lang, Promise<LanguageFile>>> = {};

/** Whether `lang`'s texts are here. */
export const hasLanguage = (lang: Lang): boolean => !!loaded[lang];

/** Loads `lang`'s file, once (a failed load is tried again next time). */
export function loadLanguage(lang: Lang): Promise<unknown> {
  if (loaded[lang]) return Promise.resolve();
  return (loading[lang] ??= LANGUAGE_FILES[lang]().then(
    (file) => (loaded[lang] = file),
    (error: unknown) => {
      delete loading[lang];
      throw error;
    },
  ));
}

/** Loads every language: for a server, and for tests. */
export const loadLanguages = (): Promise<unknown> => Promise.all(LANGS.map(loadLanguage));

/** The visitor's texts in `lang`, once loaded (Swedish's until then). */
export function messagesOf(lang: Lang): Messages {
  return (loaded[lang] ?? sv).messages;
}

/** The relay's texts in `lang`, once loaded (on the server: the browser build drops them). */
export function relayTexts(lang: Lang): RelayMessages {
  return (loaded[lang] ?? sv).relayMessages;
}

/** The language of a `lang` value such as `en-GB`; the default (Swedish) for any language the form does not speak. */
export function resolveLang(lang: string | null | undefined): Lang {
  const wanted = (lang ?? '').toLowerCase();
  return LANGS.find((code) => wanted.startsWith(code)) ?? DEFAULT_LANG;
}

/**
 * The language a request asks for: the best-weighted one the relay speaks in `Accept-Language` (any `sv-*` or
 * `en-*` counts), the default when none is named or the best ones weigh the same.
 */
export function acceptedLang(acceptLanguage: string | null | undefined): Lang {
  const weights = new Map<Lang, number>();
  for (const part of (acceptLanguage ?? '').slice(0, 200).split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    const weight = q === undefined ? 1 : Number(q);
    if (!Number.isFinite(weight)) continue;
    const lang = LANGS.find((code) => tag === code || tag.startsWith(`${code}-`));
    if (lang) weights.set(lang, Math.max(weights.get(lang) ?? -1, weight));
  }
  const weightOf = (lang: Lang) => weights.get(lang) ?? -1;
  const best = LANGS.reduce((a, b) => (weightOf(b) > weightOf(a) ? b : a), DEFAULT_LANG);
  return weightOf(best) > 0 ? best : DEFAULT_LANG;
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

/** The relay's name for the part of a lead at `path`: an input's label, else the nearest named part. */
export function partLabel(path: string, lang: Lang): string {
  const field = fieldOfPath(path.split('.'));
  if (field) return messagesOf(lang).labels[field];
  const { parts } = relayTexts(lang);
  // `marketing.utmTags.3.name` and `receiver.agent.office.id` are named by their nearest known part.
  const segments = path.split('.');
  for (let end = segments.length; end > 0; end--) {
    const key = segments.slice(0, end).join('.');
    if (key === 'person.isForeignSocialSecurityNumber') return parts.isForeignSocialSecurityNumber;
    if (Object.hasOwn(parts, key)) return parts[key as keyof typeof parts];
  }
  return parts.request;
}
