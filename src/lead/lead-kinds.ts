/**
 * The kinds of lead a broker's site sends, and where each goes: the general person lead (Vitec's marketplace family,
 * `PublicAdvertisingPersonLead`) and, from its website family, an interest in a listing, a viewing booked to one of
 * its time slots, and a valuation request (docs/site-owners.md, "Lead kinds"). For each: its path at Vitec, which the
 * relay serves as it is; and whether it is about one listing. Where each input goes in each kind's body is in
 * kind-inputs.ts, the rules of the bodies in kind-rules.ts: the entry file holds this file, and those are for the
 * kinds' lazily loaded parts (and the relay).
 */

import { leadRoutePath } from './vitec-protocol.js';

export const LEAD_KINDS = ['lead', 'interest', 'viewing', 'valuation'] as const;
export type LeadKind = (typeof LEAD_KINDS)[number];
/** The kinds of Vitec's website family (`/Advertising/…`, `/v2/Advertising/Form/…`). */
export type WebsiteKind = Exclude<LeadKind, 'lead'>;

export const isLeadKind = (value: string): value is LeadKind => (LEAD_KINDS as readonly string[]).includes(value);

/** Whether a `kind` is one of the website family's (not the person lead, nor a kind the element does not know). */
export const isWebsiteKind = (value: string | undefined): value is WebsiteKind =>
  value !== 'lead' && isLeadKind(value ?? '');

/** Whether a kind is about one listing, named by `estate-id`. */
export const needsEstate = (kind: LeadKind): boolean => kind === 'interest' || kind === 'viewing';

/** A Vitec id in a path (customer, estate): letters, digits, `-` and `_`, as Vitec's own are (`M31529`, `OBJ123_4`). */
export const VITEC_ID = /^[A-Za-z0-9_-]{1,64}$/;

const enc = encodeURIComponent;

/** A kind's POST path at Vitec and at the relay, of path segments already URL-encoded. */
function pathOf(kind: LeadKind, customer: string, estate: string): string {
  switch (kind) {
    case 'lead':
      return leadRoutePath(customer);
    case 'interest':
      return `/Advertising/Estate/${customer}/${estate}/interest`;
    case 'viewing':
      return `/v2/Advertising/Form/${customer}/Estate/${estate}/Viewing/Attend`;
    case 'valuation':
      return `/v2/Advertising/Form/${customer}/Valuation`;
  }
}

/** A kind's POST path at Vitec and at the relay. */
export const kindPath = (kind: LeadKind, customerId: string, estateId = ''): string =>
  pathOf(kind, enc(customerId), enc(estateId));

/**
 * Where a form of `kind` posts, with `{customerId}` where the customer id goes (vitec-protocol.ts, `leadUrl`): a
 * person lead's `endpoint` as given, else the kind's path under `relay` (the relay's base URL).
 */
export function formEndpoint(
  kind: LeadKind,
  attributes: { endpoint?: string; relay?: string; estateId?: string },
): string | undefined {
  if (kind === 'lead' && attributes.endpoint) return attributes.endpoint;
  // A base on the page's own host may be `/`.
  const relay = attributes.relay?.trim();
  return relay
    ? relay.replace(/\/+$/, '') + pathOf(kind, '{customerId}', enc(attributes.estateId?.trim() ?? ''))
    : undefined;
}

/** The path of an estate's form data (its viewings and time slots) at Vitec and at the relay. */
export const estatePath = (customerId: string, estateId: string): string =>
  `/v2/Advertising/Form/${enc(customerId)}/Estate/${enc(estateId)}`;

export type RouteName = LeadKind | 'estate';

/**
 * The relay's routes at the end of a request path (behind any base path, as the mock is mounted in the demo), matched
 * as Vitec's IIS does, case-insensitively: the customer id is group 1, the estate id group 2.
 */
export const ROUTES: readonly {
  readonly name: RouteName;
  readonly method: 'POST' | 'GET';
  readonly pattern: RegExp;
}[] = [
  { name: 'lead', method: 'POST', pattern: /\/PublicAdvertising\/([^/]+)\/Contact\/Person\/Lead\/?$/i },
  { name: 'interest', method: 'POST', pattern: /\/Advertising\/Estate\/([^/]+)\/([^/]+)\/interest\/?$/i },
  {
    name: 'viewing',
    method: 'POST',
    pattern: /\/v2\/Advertising\/Form\/([^/]+)\/Estate\/([^/]+)\/Viewing\/Attend\/?$/i,
  },
  { name: 'valuation', method: 'POST', pattern: /\/v2\/Advertising\/Form\/([^/]+)\/Valuation\/?$/i },
  { name: 'estate', method: 'GET', pattern: /\/v2\/Advertising\/Form\/([^/]+)\/Estate\/([^/]+)\/?$/i },
];

/** A route a request path names: which, and its customer and estate ids as they stand in the path (URL-encoded). */
export interface RouteMatch {
  readonly name: RouteName;
  readonly method: 'POST' | 'GET';
  readonly customer: string;
  readonly estate?: string;
}

/**
 * The route at the end of a request path (behind any base path, as the mock is mounted in the demo); with `whole`,
 * only a path that is the route itself, as the relay serves it and as the paths it sends Vitec are.
 */
export function matchRoute(path: string, whole = false): RouteMatch | undefined {
  for (const { name, method, pattern } of ROUTES) {
    const match = pattern.exec(path);
    if (match && (!whole || match.index === 0))
      return { name, method, customer: match[1]!, ...(match[2] === undefined ? {} : { estate: match[2] }) };
  }
  return undefined;
}
