/** The lead in the request: its type, its size, its JSON and its schema, checked in that order. */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { modelStateKey } from '../../lead/fields.js';
import { compactLead } from '../../lead/lead-payload.js';
import { type LeadIssue, validateLead } from '../../lead/lead-schema.js';
import { invalid, message, type RelayContext, type RelayEnv } from '../context.js';
import { issueText, type RelayLang, REQUEST_TEXTS, relayLang } from '../relay-messages.js';

/** The largest lead the relay reads; the schema's limits add up to far less. */
const MAX_LEAD_BYTES = 64 * 1024;
/** The deepest nesting a lead may have: the schema's own is 4 (`receiver.agent.office.id`). */
const MAX_DEPTH = 32;

/** 415 unless the body is declared `application/json` in UTF-8 (the default for JSON). */
export const checkContentType: MiddlewareHandler<RelayEnv> = async function checkContentType(c, next) {
  const type = /^\s*application\/json\s*(;.*)?$/i.exec(c.req.header('content-type') ?? '');
  if (!type) return message(c, 415, 'Send the lead as application/json.');
  const charset = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(type[1] ?? '')?.[1];
  if (charset !== undefined && !/^utf-?8$/i.test(charset)) return message(c, 415, 'Send the lead in UTF-8.');
  return next();
};

/**
 * A declared `Content-Length` over the limit is refused before a byte is read; one within it is left
 * to the runtime, which holds a body to its declared length; a body with no length (chunked) goes
 * through Hono's body limit, which reads it only up to the limit. Hono's middleware is not used for
 * the declared case: it looks at `request.body`, which makes `@hono/node-server` build a web stream
 * for every request (measured: about 3× the relay's CPU per lead, `npm run bench`).
 */
export function limitBody(): MiddlewareHandler<RelayEnv> {
  const tooLarge = (c: RelayContext) => message(c, 413, 'The lead is larger than 64 KiB.');
  const streamed = bodyLimit({ maxSize: MAX_LEAD_BYTES, onError: (c) => tooLarge(c as RelayContext) });
  return async function limitBodySize(c, next) {
    c.set('receiving', true);
    const declared = c.req.header('content-length');
    if (declared === undefined || c.req.header('transfer-encoding') !== undefined) return streamed(c, next);
    return Number(declared) > MAX_LEAD_BYTES ? tooLarge(c) : next();
  };
}

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

function requestError(lang: RelayLang, text: keyof typeof REQUEST_TEXTS): Record<string, string[]> {
  return { lead: [REQUEST_TEXTS[text][lang]] };
}

function modelState(issues: readonly LeadIssue[], lang: RelayLang): Record<string, string[]> {
  const state: Record<string, string[]> = {};
  for (const issue of issues) (state[modelStateKey(issue.path)] ??= []).push(issueText(issue, lang));
  return state;
}

/**
 * Reads and parses the body, refuses nesting deeper than `MAX_DEPTH` before anything walks it, and
 * validates it with the lead schema; the schema's output (only the properties it knows) goes on.
 */
export const readLead: MiddlewareHandler<RelayEnv> = async function readLead(c, next) {
  // The language is worked out only for an answer that needs words.
  const lang = () => relayLang(c.req.header('accept-language'));
  // A read that fails (the client went away mid-body) is answered by the relay's error handler.
  const text = await c.req.text();
  c.set('receiving', false);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return invalid(c, requestError(lang(), 'invalidJson'));
  }
  if (depthExceeds(parsed, MAX_DEPTH)) {
    c.get('record').event = 'invalid-lead';
    return invalid(c, requestError(lang(), 'tooDeep'));
  }
  const validation = validateLead(compactLead(parsed));
  if (!validation.success) {
    c.get('record').event = 'invalid-lead';
    return invalid(c, modelState(validation.issues, lang()));
  }
  c.set('leadJson', JSON.stringify(validation.lead));
  return next();
};

/** The answer to a client that went away, or broke off, while sending its body. */
export function incompleteBody(c: RelayContext): Response {
  c.get('record').event = 'body-incomplete';
  return invalid(c, requestError(relayLang(c.req.header('accept-language')), 'incomplete'));
}
