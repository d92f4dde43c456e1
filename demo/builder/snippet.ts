/**
 * The snippet builder's model, as pure functions: the element's attributes and their defaults, a snippet
 * made from them (only what differs from the defaults, escaped), and a snippet read back (with the
 * attributes it does not know listed, not dropped). No DOM: unit tests run it in Node.
 */
import { DEFAULT_FIELDS, DEFAULT_REQUIRED, parseFieldList } from '../../src/lead/field-list.ts';
import { FIELD_GROUPS, type FieldName } from '../../src/lead/fields.ts';
import { DEFAULT_TRACKING_PARAMS } from '../../src/lead/marketing.ts';

/** Every attribute of `<vitec-lead-form>`, in the order a snippet writes them, with its default. */
export const ATTRIBUTES = {
  kind: { kind: 'text', default: 'lead' },
  relay: { kind: 'text', default: '' },
  'estate-id': { kind: 'text', default: '' },
  'lead-source-id': { kind: 'text', default: '' },
  'assignment-source-id': { kind: 'text', default: '' },
  'receiver-user-id': { kind: 'text', default: '' },
  'interest-status': { kind: 'text', default: '' },
  'confirm-by-email': { kind: 'boolean', default: false },
  'confirm-by-sms': { kind: 'boolean', default: false },
  'reminder-minutes': { kind: 'text', default: '' },
  endpoint: { kind: 'text', default: '' },
  'customer-id': { kind: 'text', default: '' },
  'lead-source-name': { kind: 'text', default: '' },
  'lead-type': { kind: 'text', default: 'AcceptObjectFlow' },
  'agent-id': { kind: 'text', default: '' },
  'agent-email': { kind: 'text', default: '' },
  'user-group-id': { kind: 'text', default: '' },
  'office-id': { kind: 'text', default: '' },
  'office-customer-id': { kind: 'text', default: '' },
  fields: { kind: 'list', default: DEFAULT_FIELDS },
  required: { kind: 'list', default: DEFAULT_REQUIRED },
  lang: { kind: 'text', default: '' },
  message: { kind: 'text', default: '' },
  timeout: { kind: 'text', default: '15000' },
  attribution: { kind: 'text', default: 'session' },
  'tracking-params': { kind: 'text', default: DEFAULT_TRACKING_PARAMS.join(' ') },
  'privacy-policy-url': { kind: 'text', default: '' },
  'consent-required': { kind: 'boolean', default: false },
  'success-message': { kind: 'text', default: '' },
  'redirect-url': { kind: 'text', default: '' },
  'fallback-email': { kind: 'text', default: '' },
  'fallback-phone': { kind: 'text', default: '' },
  'min-fill-time': { kind: 'text', default: '2000' },
  'data-layer': { kind: 'boolean', default: false },
  'save-draft': { kind: 'boolean', default: false },
  preview: { kind: 'boolean', default: false },
} as const;

export type AttributeName = keyof typeof ATTRIBUTES;
export const ATTRIBUTE_NAMES = Object.keys(ATTRIBUTES) as AttributeName[];

/** What the builder holds: the script's address and each attribute as written (`true` for a boolean one that is set). */
export interface Snippet {
  scriptSrc: string;
  attributes: Partial<Record<AttributeName, string | true>>;
}

export const DEFAULT_SCRIPT_SRC = '/vitec-lead-form.js';

export function isAttribute(name: string): name is AttributeName {
  return Object.hasOwn(ATTRIBUTES, name);
}

/** `value` in a double-quoted HTML attribute: `&`, `"`, `<` and `>` as entities. */
export function escapeAttribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: '\u00a0' };

/** Character references back to text: the named ones above and every numeric one. */
export function unescapeAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** A field list in the element's own order, with a whole group written by its name (`address`). */
export function writeFieldList(fields: readonly FieldName[]): string {
  const chosen = new Set(fields);
  const words: string[] = [];
  const done = new Set<FieldName>();
  for (const field of parseFieldList(fields.join(' ')).fields) {
    if (done.has(field)) continue;
    const group = Object.entries(FIELD_GROUPS).find(([, members]) => members.includes(field));
    if (group && group[1].every((member) => chosen.has(member))) {
      words.push(group[0]);
      group[1].forEach((member) => done.add(member));
    } else {
      words.push(field);
      done.add(field);
    }
  }
  return words.join(' ');
}

/** Whether `value` is what the element does anyway: a list compares by the inputs it names. */
function isDefault(name: AttributeName, value: string | true): boolean {
  const spec = ATTRIBUTES[name];
  if (spec.kind === 'boolean') return value !== true;
  if (typeof value !== 'string') return false;
  if (spec.kind === 'list') {
    const a = parseFieldList(value);
    return !a.unknown.length && a.fields.join(' ') === parseFieldList(spec.default).fields.join(' ');
  }
  return value.trim() === spec.default;
}

/** The attributes that differ from the defaults, in the canonical order. */
export function meaningfulAttributes(snippet: Snippet): [AttributeName, string | true][] {
  return ATTRIBUTE_NAMES.flatMap((name) => {
    const value = snippet.attributes[name];
    if (value === undefined || isDefault(name, value)) return [];
    return [[name, value === true ? true : value.trim()]];
  });
}

/** The snippet: the script tag and the element, one attribute per line. */
export function generateSnippet(snippet: Snippet): string {
  const lines = meaningfulAttributes(snippet).map(([name, value]) =>
    value === true ? `  ${name}` : `  ${name}="${escapeAttribute(value)}"`,
  );
  const open = lines.length ? `<vitec-lead-form\n${lines.join('\n')}\n>` : '<vitec-lead-form>';
  return `<script type="module" src="${escapeAttribute(snippet.scriptSrc || DEFAULT_SCRIPT_SRC)}"></script>\n${open}</vitec-lead-form>`;
}

export interface ParsedSnippet {
  snippet: Snippet;
  /** Attributes on the element the builder does not know, as written (`name` or `name="value"`). */
  unknown: string[];
  /** False when no `<vitec-lead-form` tag was found. */
  found: boolean;
}

/** The attributes of the first start tag named `tag` in `html`: names lower-cased, values unescaped. */
function attributesOf(html: string, tag: string): [string, string | true][] | undefined {
  const start = html.search(new RegExp(`<${tag}(?=[\\s/>])`, 'i'));
  if (start < 0) return undefined;
  const found: [string, string | true][] = [];
  const pattern = /\s*([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?|\s*(\/?>)/y;
  pattern.lastIndex = start + tag.length + 1;
  for (;;) {
    const match = pattern.exec(html);
    if (!match || match[5]) break;
    const value = match[2] ?? match[3] ?? match[4];
    found.push([match[1]!.toLowerCase(), value === undefined ? true : unescapeAttribute(value)]);
  }
  return found;
}

/** Reads a pasted snippet (or just the element's tag) back into the builder's state. */
export function parseSnippet(html: string): ParsedSnippet {
  const element = attributesOf(html, 'vitec-lead-form');
  const script = attributesOf(html, 'script')?.find(([name]) => name === 'src')?.[1];
  const snippet: Snippet = { scriptSrc: typeof script === 'string' ? script : DEFAULT_SCRIPT_SRC, attributes: {} };
  const unknown: string[] = [];
  for (const [name, value] of element ?? []) {
    if (!isAttribute(name)) {
      unknown.push(value === true ? name : `${name}="${value}"`);
      continue;
    }
    // A boolean attribute is set by its presence, whatever its value ("", "true", even "false").
    snippet.attributes[name] = ATTRIBUTES[name].kind === 'boolean' ? true : value === true ? '' : value;
  }
  return { snippet, unknown, found: element !== undefined };
}

/** The state as a query string, so that a builder link can be sent to the broker. */
export function toQuery(snippet: Snippet, uiLang: string): string {
  const params = new URLSearchParams();
  if (uiLang !== 'sv') params.set('ui', uiLang);
  if (snippet.scriptSrc && snippet.scriptSrc !== DEFAULT_SCRIPT_SRC) params.set('src', snippet.scriptSrc);
  for (const [name, value] of meaningfulAttributes(snippet)) params.set(name, value === true ? '' : value);
  return params.toString();
}

/** The state a builder link carries; unknown parameters are ignored. */
export function fromQuery(query: string): { snippet: Snippet; uiLang: 'sv' | 'en' } {
  const params = new URLSearchParams(query);
  const snippet: Snippet = { scriptSrc: params.get('src') || DEFAULT_SCRIPT_SRC, attributes: {} };
  for (const [name, value] of params) {
    if (isAttribute(name)) snippet.attributes[name] = ATTRIBUTES[name].kind === 'boolean' ? true : value;
  }
  return { snippet, uiLang: params.get('ui') === 'en' ? 'en' : 'sv' };
}
