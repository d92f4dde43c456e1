/**
 * Whether a form's attributes can work, and what it says in their place when not: part of the behaviour (behaviour.ts),
 * loaded at the visitor's first focus or input in the form (and by a submit; when the page is idle for a form in
 * `preview`), so that the entry file, which draws the form, does not carry the rules and their words, and a page whose
 * visitor never turns to the form never runs them. A form set up wrong is drawn with its fields until this arrives,
 * and it sends nothing: a submit waits for it.
 */
import { configProblem } from '../lead/form-config.js';
import { type ConfigTexts, type Lang, ownConfigTextsOf } from '../lead/messages/index.js';
import { config as svConfig } from '../lead/messages/sv-config.js';
import type { SubmissionHost } from './submission.js';

/** What a form set up wrong says in `lang`, once loaded (Swedish's until then). */
export const configTextsOf = (lang: Lang): ConfigTexts => ownConfigTextsOf(lang) ?? svConfig;

/** What is wrong with the form's attributes, as the sentence it shows in their place; empty when nothing is. */
export function configErrorOf(host: SubmissionHost): string {
  const t = configTextsOf(host.formLang);
  const { kind, endpoint, relay, estateId, customerId, privacyPolicyUrl, redirectUrl, preview, lists } = host;
  const page = { pageUrl: location.href, kind, relay, estateId, kindInputs: host.kindView?.inputNames, ...lists };
  const problem = configProblem(t, { endpoint, customerId, privacyPolicyUrl, redirectUrl, preview, ...page });
  return problem && t.notSetUp(problem);
}
