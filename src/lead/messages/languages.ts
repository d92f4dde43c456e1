/**
 * The languages the form and the relay speak, a line each: a language is its file beside this one (its `messages`
 * for the visitor and, last in the file, its `relayMessages` for the relay's answers, typed by `types.ts`) and its
 * line here. Swedish, the default, is part of the entry; every other language is a file of its own that a form
 * loads before it first draws in that language. The browser build drops `relayMessages` from each file
 * (build/template-plugins.ts), so the relay's words never reach a page.
 */
export const LANGUAGE_FILES = {
  en: () => import('./en.js'),
  sv: () => import('./sv.js'),
};
