/** The lead in the body: read, parsed as JSON, no deeper than a lead can be, and valid by its kind's schema. */
import type { MiddlewareHandler } from 'hono';
import { modelStateKey } from '../../lead/fields.js';
import { compactLead } from '../../lead/lead-payload.js';
import { type LeadIssue, validateLead } from '../../lead/lead-schema.js';
import { validateKind } from '../../lead/kind-schemas.js';
import { KIND_INPUTS } from '../../lead/kind-inputs.js';
import { applicationKey } from '../../lead/kind-rules.js';
import type { WebsiteKind } from '../../lead/lead-kinds.js';
import {
  acceptedLang,
  type Lang,
  loadLanguage,
  formTextsOf,
  partLabel,
  type RelayMessages,
  relayTexts,
} from '../../lead/messages/index.js';
import { invalid, type RelayContext, type RelayEnv } from '../context.js';

/** The deepest nesting a lead may have: the schema's own is 4 (`receiver.agent.office.id`). */
const MAX_DEPTH = 32;
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The depth of a JSON value, walked without recursion, stopping as soon as it passes `max`. */
function depthExceeds(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(node))
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

function requestError(lang: Lang, text: keyof RelayMessages['request']): Record<string, string[]> {
  return { lead: [relayTexts(lang).request[text]] };
}

/**
 * Vitec's `ModelState` for the schema's issues, each in a sentence naming the part (an input by its label), under
 * the key Vitec's own binder would use: `lead.Person.FirstName` for the person lead, `application.FirstName` for the
 * website family's.
 */
function modelState(issues: readonly LeadIssue[], lang: Lang, kind?: WebsiteKind): Record<string, string[]> {
  const state: Record<string, string[]> = {};
  const texts = relayTexts(lang).issues;
  for (const issue of issues) {
    const key = kind ? applicationKey(issue.path) : modelStateKey(issue.path);
    const label = kind ? kindPartLabel(issue, lang) : partLabel(issue.path, lang);
    (state[key] ??= []).push(texts[issue.code](label, issue.max));
  }
  return state;
}

/** A part of a website kind's body by name: an input's label, else the relay's name for it, else the request's. */
function kindPartLabel(issue: LeadIssue, lang: Lang): string {
  if (issue.field) return formTextsOf(lang).labels[issue.field];
  const { parts } = relayTexts(lang);
  const last = issue.path.split('.').at(-1) ?? '';
  return Object.hasOwn(parts, last) ? parts[last as keyof typeof parts] : parts.request;
}

/**
 * Reads and parses the body, refuses nesting deeper than `MAX_DEPTH` before anything walks it, and
 * validates it with the lead schema; the schema's output (only the properties it knows) goes on.
 */
export const readLead: MiddlewareHandler<RelayEnv> = async function readLead(c, next) {
  // The language is worked out (and its file loaded, once) only for an answer that needs words.
  const lang = async () => {
    const asked = acceptedLang(c.req.header('accept-language'));
    await loadLanguage(asked).catch(() => undefined);
    return asked;
  };
  // A read that fails (the client went away mid-body) is answered by the relay's error handler.
  const bytes = await c.req.arrayBuffer();
  c.set('receiving', false);
  let text: string;
  try {
    // Not decoded with replacement characters: a lead whose bytes are not UTF-8 is refused, not changed.
    text = UTF8.decode(bytes);
  } catch {
    c.get('record').event = 'invalid-lead';
    return invalid(c, requestError(await lang(), 'invalidUtf8'));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return invalid(c, requestError(await lang(), 'invalidJson'));
  }
  if (depthExceeds(parsed, MAX_DEPTH)) {
    c.get('record').event = 'invalid-lead';
    return invalid(c, requestError(await lang(), 'tooDeep'));
  }
  const route = c.get('route');
  const kind = route === 'lead' || route === 'estate' ? undefined : route;
  const validation = kind
    ? validateKind(kind, compactLead(parsed), KIND_INPUTS[kind])
    : validateLead(compactLead(parsed));
  if (!validation.success) {
    c.get('record').event = 'invalid-lead';
    return invalid(c, modelState(validation.issues, await lang(), kind));
  }
  c.set('leadJson', JSON.stringify(validation.success && 'lead' in validation ? validation.lead : validation.body));
  return next();
};

/** The answer to a client that went away, or broke off, while sending its body. */
export function incompleteBody(c: RelayContext): Response {
  c.get('record').event = 'body-incomplete';
  return invalid(c, requestError(acceptedLang(c.req.header('accept-language')), 'incomplete'));
}
