/**
 * The texts of the languages in `languages.ts`, by language, and what picks one. Swedish is here from the start
 * (but for its state texts, which texts.ts adds); another language once `loadLanguage` has loaded its file (until
 * then its texts are Swedish's).
 */
import { fieldOfPath } from '../fields.js';
import { LANGUAGE_FILES } from './languages.js';
// Named, not the whole module: its `states` are not for the entry file.
import { messages as svMessages, relayMessages as svRelayMessages } from './sv.js';
import type { ConfigTexts, FormTexts, KindTexts, RelayMessages, StateTexts } from './types.js';

export type { ConfigTexts, FormTexts, KindTexts, Messages, RelayMessages, StateTexts } from './types.js';

export type Lang = keyof typeof LANGUAGE_FILES;

/** Every language's code. */
export const LANGS = Object.keys(LANGUAGE_FILES) as Lang[];
/** What the form and the relay speak when nothing else is asked for: Swedish, as Vitec does. */
const DEFAULT_LANG: Lang = 'sv';

interface LanguageFile {
  messages: FormTexts;
  /** Every language's file has them; Swedish's are added by texts.ts, in the lazily loaded part. */
  states?: StateTexts;
  /** Every language's file has them; Swedish's are in sv-kinds.ts, loaded with the kinds' forms. */
  kinds?: KindTexts;
  /** Every language's file has them; Swedish's are in sv-config.ts, loaded at the first focus. */
  config?: ConfigTexts;
  relayMessages: RelayMessages;
}
const sv: LanguageFile = { messages: svMessages, relayMessages: svRelayMessages };
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

/** What the first drawing of a form in `lang` shows, once loaded (Swedish's until then). */
export function formTextsOf(lang: Lang): FormTexts {
  return (loaded[lang] ?? sv).messages;
}

/** The kinds' texts in `lang`'s own file: undefined for Swedish and for a language not loaded (kinds.ts). */
export function ownKindTextsOf(lang: Lang): KindTexts | undefined {
  return loaded[lang]?.kinds;
}

/** What a form set up wrong says in `lang`'s own file: undefined for Swedish and for a language not loaded. */
export function ownConfigTextsOf(lang: Lang): ConfigTexts | undefined {
  return loaded[lang]?.config;
}

/** The state texts in `lang`'s own file: undefined for Swedish and for a language not loaded (see texts.ts). */
export function ownStatesOf(lang: Lang): StateTexts | undefined {
  return loaded[lang]?.states;
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

/** The relay's name for the part of a lead at `path`: an input's label, else the nearest named part. */
export function partLabel(path: string, lang: Lang): string {
  const field = fieldOfPath(path.split('.'));
  if (field) return formTextsOf(lang).labels[field];
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
