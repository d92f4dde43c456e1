/**
 * A faithful mock of Vitec Express's `POST PublicAdvertising/{customerId}/Contact/Person/Lead`, and of its website
 * family's interest, viewings, viewing booking and valuation (mock-website.ts), as a standard fetch handler, for the
 * demo, the tests and a first run with no Vitec account.
 *
 * It answers as an ASP.NET Web API service does (Vitec's is one): Basic auth, `ModelState` bodies with
 * Swedish messages, the lead id as a JSON string, JSON property names matched case-insensitively. It
 * runs Vitec's duplicate check (the same personnummer or email is the same contact).
 *
 * Control routes, for the demo's panel and for tests (never expose them on a public host):
 * - `GET /__mock/leads`: what it received (each with its `kind`); `DELETE /__mock/leads`: forget it, and seed the
 *   estates again.
 * - `GET|PUT /__mock/mode`: `{ status?, body?, delayMs?, drop?, times?, every? }`, answer the next
 *   `times` leads (all, if absent; or every n-th) with that status, after that delay, or by dropping
 *   the connection;
 *   `DELETE /__mock/mode`: back to normal.
 */
import { type LeadKind, matchRoute, type RouteMatch } from '../../lead/lead-kinds.js';
import { bookSlot, estateAnswer, seedEstates, validateApplication } from './mock-website.js';
import { DropConnection } from '../drop-connection.js';

/** The account `npm run mock` and `npm start` use unless told otherwise: never a real one. */
export const MOCK_ACCOUNT = { username: 'demo', password: 'demo', customerIds: ['DEMO-1'] } as const;

export interface MockVitecOptions {
  /** Basic-auth credentials to require; without them every request is let in. */
  credentials?: { username: string; password: string };
  /** The website family's own, when it has a password of its own; else `credentials` for it too. */
  advertisingCredentials?: { username: string; password: string };
  /** Customer ids the account may use; without them every id is allowed. */
  customerIds?: readonly string[];
  /** Source of lead and contact ids; `crypto.randomUUID` by default. */
  newId?: () => string;
  now?: () => Date;
  /** The mode to start in. */
  mode?: MockMode;
}

export interface MockMode {
  /** Answer with this status instead of creating a lead. */
  status?: number;
  /** The body for `status`; a Web API-style body by default. */
  body?: unknown;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Cut the connection without an answer. */
  drop?: boolean;
  /** Apply to this many leads only, then return to normal. */
  times?: number;
  /** Apply to every n-th lead only (every: 100 fails exactly 1 % of them); the rest are created. */
  every?: number;
}

export interface ReceivedLead {
  /** What was sent: the person lead, an interest, a viewing booking or a valuation request (lead-kinds.ts). */
  kind: LeadKind;
  /** For an interest and a booking. */
  estateId?: string;
  id: string;
  customerId: string;
  receivedAt: string;
  /** The contact the duplicate check matched or created. */
  contactId: string;
  /** False when the duplicate check found an existing contact. */
  newContact: boolean;
  idempotencyKey?: string;
  lead: Record<string, unknown>;
}

export interface MockVitec {
  (request: Request): Promise<Response>;
  readonly leads: readonly ReceivedLead[];
  /** How many times an estate's form data was read, by estate id (the relay's cache is measured by it). */
  readonly estateReads: Readonly<Record<string, number>>;
  mode: MockMode;
  reset(): void;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const MAX_BODY = 1024 * 1024;

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': JSON_TYPE, ...headers } });
}

const STATUS_BODIES: Record<number, unknown> = {
  400: { Message: 'The request is invalid.', ModelState: { lead: ['Förfrågan är ogiltig.'] } },
  401: { Message: 'Authorization has been denied for this request.' },
  403: { Message: 'Du saknar behörighet till kunden.' },
  404: { Message: 'No HTTP resource was found that matches the request URI.' },
  429: { Message: 'För många anrop. Försök igen senare.' },
};

/** A property read the way Json.NET binds one: case-insensitively. */
function prop(object: unknown, name: string): unknown {
  if (!object || typeof object !== 'object' || Array.isArray(object)) return undefined;
  const key = Object.keys(object).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : (object as Record<string, unknown>)[key];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function lengthBetween(value: unknown, min: number, max: number): boolean {
  return typeof value === 'string' && value.length >= min && value.length <= max;
}

/** Vitec's model rules, as its documentation states them, with its Swedish messages. */
function validateVitecLead(lead: unknown): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const add = (key: string, message: string) => (errors[key] ??= []).push(message);
  if (!isObject(lead)) {
    add('lead', 'Lead måste anges.');
    return errors;
  }
  const person = prop(lead, 'person');
  if (!isObject(person)) add('lead.Person', 'Person måste anges.');
  else {
    if (!lengthBetween(prop(person, 'firstName'), 1, 30))
      add('lead.Person.FirstName', 'Förnamn måste vara mellan 1 och 30 tecken.');
    if (!lengthBetween(prop(person, 'lastName'), 1, 30))
      add('lead.Person.LastName', 'Efternamn måste vara mellan 1 och 30 tecken.');
    const ssn = prop(person, 'socialSecurityNumber');
    if (ssn !== undefined && ssn !== null && !lengthBetween(ssn, 0, 20))
      add('lead.Person.SocialSecurityNumber', 'Personnummer får vara högst 20 tecken.');
  }
  const receiver = prop(lead, 'receiver');
  if (receiver !== undefined && receiver !== null) {
    if (!isObject(receiver) || !['agent', 'userGroup', 'office'].some((k) => isObject(prop(receiver, k)))) {
      add('lead.Receiver', 'Mottagaren måste ange en handläggare, en användargrupp eller ett kontor.');
    }
  }
  const source = prop(lead, 'leadSource');
  if (!isObject(source)) add('lead.LeadSource', 'Leadkälla måste anges.');
  else {
    const type = prop(source, 'leadType');
    const validType =
      (typeof type === 'string' && /^[A-Za-z]+$|^\d+$/.test(type)) ||
      (typeof type === 'number' && Number.isInteger(type) && type >= 0);
    if (!validType) add('lead.LeadSource.LeadType', 'Leadtyp måste anges som namn eller nummer.');
    if (!lengthBetween(prop(source, 'name'), 1, 200)) add('lead.LeadSource.Name', 'Leadkällans namn måste anges.');
  }
  const message = prop(lead, 'message');
  if (message !== undefined && message !== null && typeof message !== 'string')
    add('lead.Message', 'Meddelandet måste vara text.');
  return errors;
}

function checkAuth(request: Request, credentials: { username: string; password: string }): boolean {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header.trim());
  if (!match) return false;
  try {
    const decoded = new TextDecoder().decode(Uint8Array.from(atob(match[1]!), (c) => c.charCodeAt(0)));
    return decoded === `${credentials.username}:${credentials.password}`;
  } catch {
    return false;
  }
}

// A slow Vitec goes on with the lead even when the caller has given up, as a real server would.
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Creates a mock Vitec endpoint with its own memory of leads and contacts. */
export function createMockVitec(options: MockVitecOptions = {}): MockVitec {
  const newId = options.newId ?? (() => crypto.randomUUID());
  const now = options.now ?? (() => new Date());
  let leads: ReceivedLead[] = [];
  let contacts = new Map<string, string>();
  let counted = 0;
  let estates = seedEstates(now());
  let estateReads: Record<string, number> = {};

  async function control(request: Request, path: string): Promise<Response> {
    if (path.endsWith('/__mock/leads')) {
      if (request.method === 'GET') return json(200, { leads });
      if (request.method === 'DELETE') {
        mock.reset();
        return json(200, { leads });
      }
    }
    if (path.endsWith('/__mock/mode')) {
      if (request.method === 'GET') return json(200, mock.mode);
      if (request.method === 'DELETE') {
        mock.mode = {};
        return json(200, mock.mode);
      }
      if (request.method === 'PUT' || request.method === 'POST') {
        const body: unknown = await request.json().catch(() => undefined);
        if (!isObject(body))
          return json(400, { Message: 'Send a JSON object: { status?, body?, delayMs?, drop?, times? }.' });
        const mode: MockMode = {};
        if (typeof body.status === 'number' && body.status >= 200 && body.status <= 599) mode.status = body.status;
        if ('body' in body) mode.body = body.body;
        if (typeof body.delayMs === 'number' && body.delayMs >= 0) mode.delayMs = Math.min(body.delayMs, 120_000);
        if (body.drop === true) mode.drop = true;
        if (typeof body.times === 'number' && body.times > 0) mode.times = Math.floor(body.times);
        if (typeof body.every === 'number' && body.every > 0) mode.every = Math.floor(body.every);
        counted = 0;
        mock.mode = mode;
        return json(200, mode);
      }
    }
    return json(405, { Message: 'The requested resource does not support this method.' });
  }

  /** Applies the chosen mode to one lead request; a Response means "answer this instead". */
  async function applyMode(): Promise<Response | undefined> {
    const mode = mock.mode;
    if (mode.status === undefined && !mode.drop && !mode.delayMs) return undefined;
    if (mode.every && ++counted % mode.every !== 0) return undefined;
    if (mode.times !== undefined) {
      mock.mode = mode.times > 1 ? { ...mode, times: mode.times - 1 } : {};
    }
    if (mode.delayMs) await sleep(mode.delayMs);
    if (mode.drop) throw new DropConnection();
    if (mode.status === undefined) return undefined;
    const headers: Record<string, string> = mode.status === 429 ? { 'retry-after': '30' } : {};
    if (mode.status === 401) headers['www-authenticate'] = 'Basic realm="Vitec"';
    return json(mode.status, mode.body ?? STATUS_BODIES[mode.status] ?? { Message: 'An error has occurred.' }, headers);
  }

  async function createLead(request: Request, customerId: string): Promise<Response> {
    if (options.credentials && !checkAuth(request, options.credentials)) {
      return json(401, STATUS_BODIES[401], { 'www-authenticate': 'Basic realm="Vitec"' });
    }
    if (options.customerIds && !options.customerIds.includes(customerId)) return json(403, STATUS_BODIES[403]);
    const replacement = await applyMode();
    if (replacement) return replacement;

    const type = request.headers.get('content-type') ?? '';
    if (!/^application\/(.+\+)?json\b/i.test(type)) {
      return json(415, {
        Message: `The request entity's media type '${type.split(';')[0] || 'none'}' is not supported for this resource.`,
      });
    }
    const text = await request.text();
    if (text.length > MAX_BODY) return json(413, { Message: 'The request is too large.' });
    let lead: unknown;
    try {
      lead = text.trim() ? JSON.parse(text) : undefined;
    } catch {
      return json(400, {
        Message: 'The request is invalid.',
        ModelState: { lead: ['Förfrågan innehåller ogiltig JSON.'] },
      });
    }
    const modelState = validateVitecLead(lead);
    if (Object.keys(modelState).length)
      return json(400, { Message: 'The request is invalid.', ModelState: modelState });

    const record = lead as Record<string, unknown>;
    const person = prop(record, 'person');
    const keys = [prop(person, 'socialSecurityNumber'), prop(prop(person, 'email'), 'emailAddress')]
      .map((v, i) =>
        typeof v === 'string' && v.trim() ? `${i ? 'email' : 'ssn'}:${v.trim().toLowerCase()}` : undefined,
      )
      .filter((k): k is string => !!k);
    const known = keys.map((k) => contacts.get(k)).find(Boolean);
    const contactId = known ?? newId();
    for (const key of keys) contacts.set(key, contactId);

    const id = newId();
    const idempotencyKey = request.headers.get('idempotency-key') ?? undefined;
    leads.push({
      kind: 'lead',
      id,
      customerId,
      receivedAt: now().toISOString(),
      contactId,
      newContact: !known,
      ...(idempotencyKey ? { idempotencyKey } : {}),
      lead: record,
    });
    return json(200, id);
  }

  const mock = (async (request: Request): Promise<Response> => {
    const path = new URL(request.url).pathname;
    if (path.endsWith('/__mock/leads') || path.endsWith('/__mock/mode')) return control(request, path);
    const route = matchRoute(path);
    if (!route) return json(404, STATUS_BODIES[404]);
    if (request.method !== route.method)
      return json(
        405,
        { Message: "The requested resource does not support http method '" + request.method + "'." },
        { allow: route.method },
      );
    let ids: { customerId: string; estateId?: string };
    try {
      ids = {
        customerId: decodeURIComponent(route.customer),
        ...(route.estate === undefined ? {} : { estateId: decodeURIComponent(route.estate) }),
      };
    } catch {
      return json(404, STATUS_BODIES[404]);
    }
    return route.name === 'lead' ? createLead(request, ids.customerId) : website(request, { ...ids, name: route.name });
  }) as MockVitec;

  /** The website family's routes (mock-website.ts). */
  async function website(
    request: Request,
    route: { name: RouteMatch['name']; customerId: string; estateId?: string },
  ): Promise<Response> {
    const credentials = options.advertisingCredentials ?? options.credentials;
    if (credentials && !checkAuth(request, credentials))
      return json(401, STATUS_BODIES[401], { 'www-authenticate': 'Basic realm="Vitec"' });
    if (options.customerIds && !options.customerIds.includes(route.customerId)) return json(403, STATUS_BODIES[403]);
    const estate = route.estateId === undefined ? undefined : estates.get(route.estateId.toLowerCase());
    if (route.estateId !== undefined && !estate) return json(404, { Message: 'Objektet finns inte.' });
    if (route.name === 'estate') {
      estateReads[estate!.id] = (estateReads[estate!.id] ?? 0) + 1;
      return json(200, estateAnswer(estate!, route.customerId));
    }
    const replacement = await applyMode();
    if (replacement) return replacement;
    const type = request.headers.get('content-type') ?? '';
    if (!/^application\/(.+\+)?json\b/i.test(type))
      return json(415, {
        Message: `The request entity's media type '${type.split(';')[0] || 'none'}' is not supported.`,
      });
    let body: unknown;
    try {
      body = JSON.parse(await request.text());
    } catch {
      return json(400, { Message: 'The request is invalid.', ModelState: { application: ['Ogiltig JSON.'] } });
    }
    const modelState = validateApplication(route.name, body);
    if (Object.keys(modelState).length)
      return json(400, { Message: 'The request is invalid.', ModelState: modelState });
    const record = body as Record<string, unknown>;
    if (route.name === 'viewing') {
      const refused = bookSlot(estate!, String(record.timeSlotId ?? record.TimeSlotId), now());
      if (refused)
        return json(400, { Message: 'The request is invalid.', ModelState: { 'application.TimeSlotId': [refused] } });
    }
    const email =
      route.name === 'interest' ? (record.email as { emailAddress?: unknown } | undefined)?.emailAddress : record.email;
    const key = typeof email === 'string' && email.trim() ? `email:${email.trim().toLowerCase()}` : undefined;
    const known = key ? contacts.get(key) : undefined;
    const contactId = known ?? newId();
    if (key) contacts.set(key, contactId);
    const idempotencyKey = request.headers.get('idempotency-key') ?? undefined;
    leads.push({
      kind: route.name as LeadKind,
      ...(route.estateId === undefined ? {} : { estateId: estate!.id }),
      id: newId(),
      customerId: route.customerId,
      receivedAt: now().toISOString(),
      contactId,
      newContact: !known,
      ...(idempotencyKey ? { idempotencyKey } : {}),
      lead: record,
    });
    return route.name === 'interest' ? new Response(null, { status: 204 }) : json(200, { contactId });
  }

  Object.defineProperty(mock, 'leads', { get: () => leads });
  Object.defineProperty(mock, 'estateReads', { get: () => estateReads });
  mock.mode = options.mode ?? {};
  mock.reset = () => {
    leads = [];
    contacts = new Map();
    estates = seedEstates(now());
    estateReads = {};
  };
  return mock;
}
