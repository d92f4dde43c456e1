/**
 * The kinds of lead a broker's site sends, and where each goes: the general person lead (Vitec's marketplace family,
 * `PublicAdvertisingPersonLead`) and, from its website family, an interest in a listing, a viewing booked to one of
 * its time slots, and a valuation request (docs/site-owners.md, "Lead kinds"). For each: its path at Vitec, which the
 * relay serves as it is; whether it is about one listing; where each input goes in its body; its inputs' limits.
 */
import type { FieldName } from './fields.js';

export const LEAD_KINDS = ['lead', 'interest', 'viewing', 'valuation'] as const;
export type LeadKind = (typeof LEAD_KINDS)[number];
/** The kinds of Vitec's website family (`/Advertising/…`, `/v2/Advertising/Form/…`). */
export type WebsiteKind = Exclude<LeadKind, 'lead'>;

export const isLeadKind = (value: string): value is LeadKind => (LEAD_KINDS as readonly string[]).includes(value);

/** Whether a kind is about one listing, named by `estate-id`. */
export const needsEstate = (kind: LeadKind): boolean => kind === 'interest' || kind === 'viewing';

/** A Vitec id in a path (customer, estate): letters, digits, `-` and `_`, as Vitec's own are (`M31529`, `OBJ123_4`). */
export const VITEC_ID = /^[A-Za-z0-9_-]{1,64}$/;

const enc = encodeURIComponent;

/** A kind's POST path at Vitec and at the relay. */
export function kindPath(kind: LeadKind, customerId: string, estateId = ''): string {
  switch (kind) {
    case 'lead':
      return `/PublicAdvertising/${enc(customerId)}/Contact/Person/Lead`;
    case 'interest':
      return `/Advertising/Estate/${enc(customerId)}/${enc(estateId)}/interest`;
    case 'viewing':
      return `/v2/Advertising/Form/${enc(customerId)}/Estate/${enc(estateId)}/Viewing/Attend`;
    case 'valuation':
      return `/v2/Advertising/Form/${enc(customerId)}/Valuation`;
  }
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

const address = {
  'address.streetAddress': 'address.streetAddress',
  'address.zipCode': 'address.zipCode',
  'address.city': 'address.city',
} as const;
const formInputs = {
  firstName: 'firstName',
  lastName: 'lastName',
  'email.emailAddress': 'email',
  'telephone.cell': 'cellPhone',
  ...address,
  message: 'lead.message',
} as const;

/** Where each input goes in a website kind's body (a dotted path); an input not listed is not in that kind's form. */
export const KIND_INPUTS: Readonly<Record<WebsiteKind, Readonly<Partial<Record<FieldName, string>>>>> = {
  interest: {
    firstName: 'firstName',
    lastName: 'lastName',
    socialSecurityNumber: 'socialSecurityNumber',
    ...address,
    'email.emailAddress': 'email.emailAddress',
    'email.emailAddress2': 'email.emailAddress2',
    'telephone.home': 'telephone.home',
    'telephone.work': 'telephone.work',
    'telephone.cell': 'telephone.cell',
    'telephone.other': 'telephone.other',
    message: 'contactMessage',
  },
  viewing: formInputs,
  valuation: formInputs,
};

/** The input at a path of a website kind's body, as Zod reports issue paths. */
export function inputOfPath(kind: WebsiteKind, path: readonly PropertyKey[]): FieldName | undefined {
  const key = path.join('.');
  return (Object.entries(KIND_INPUTS[kind]) as [FieldName, string][]).find(([, at]) => at === key)?.[0];
}

/**
 * The inputs' limits in the website family: Vitec's interest model states them (names 1–40, street 68, postal code
 * 15, city 25, phones 17, e-mail 100); its v2 forms state none and are held to the same.
 */
export const WEBSITE_LIMITS = {
  name: 40,
  socialSecurityNumber: 20,
  streetAddress: 68,
  city: 25,
  phone: 17,
  email: 100,
  message: 4000,
  id: 100,
} as const;

/** The inputs each kind shows and needs unless `fields` and `required` say otherwise. */
export const KIND_DEFAULTS: Readonly<Record<WebsiteKind, { readonly fields: string; readonly required: string }>> = {
  interest: { fields: 'firstName lastName email.emailAddress telephone.cell message', required: 'firstName lastName' },
  viewing: { fields: 'firstName lastName email.emailAddress telephone.cell message', required: 'firstName lastName' },
  valuation: {
    fields: 'firstName lastName email.emailAddress telephone.cell address message',
    required: 'firstName lastName address.streetAddress address.city',
  },
};

/** Vitec's `ModelState` key for a dotted path of a website kind's body: `lead.message` → `application.Lead.Message`. */
export function applicationKey(path: string): string {
  return [
    'application',
    ...path
      .split('.')
      .filter(Boolean)
      .map((s) => s.charAt(0).toUpperCase() + s.slice(1)),
  ].join('.');
}

/** The statuses an interest may give the person on the estate (Vitec's `InterestApplication.Status`). */
export const INTEREST_STATUSES = ['Interested', 'VeryInterested', 'Assigned', 'NotInterested'] as const;
export type InterestStatus = (typeof INTEREST_STATUSES)[number];
