/**
 * The languages the form and the relay speak, a line each: a language is its file beside this one (its `messages`
 * for the visitor and, last in the file, its `relayMessages` for the relay's answers, typed by `types.ts`) and its
 * line here. The browser build drops `relayMessages` from each file (build/drop-in-build.ts), so the relay's words
 * never reach a page.
 */
export * as en from './en.js';
export * as sv from './sv.js';
