/**
 * What only the website kinds' bodies need (lead-kinds.ts): their limits, the interest's statuses, the way back from a
 * body's path or an error's key to the input, and the key Vitec's binder gives a path. For what builds and checks a
 * body (kind-payload.ts, kind-schemas.ts, in the lazily loaded part) and for the relay.
 */
import { type FieldName, modelStateKey } from './fields.js';
import type { KindInputs } from './kind-inputs.js';
import type { WebsiteKind } from './lead-kinds.js';

/** The statuses an interest may give the person on the estate (Vitec's `InterestApplication.Status`). */
export const INTEREST_STATUSES = ['Interested', 'VeryInterested', 'Assigned', 'NotInterested'] as const;
export type InterestStatus = (typeof INTEREST_STATUSES)[number];

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

/** The input at a path of a website kind's body (as Zod reports issue paths), by the kind's inputs. */
export function inputOfPath(inputs: KindInputs, path: readonly PropertyKey[]): FieldName | undefined {
  const key = path.join('.');
  return (Object.entries(inputs) as [FieldName, string][]).find(([, at]) => at === key)?.[0];
}

/**
 * The input (or a booking's time slot) a key of an error body names, for a website kind: `application.Lead.Message`,
 * `Lead.Message`, `lead.message` (case-insensitive), as Vitec's binder or the relay writes it.
 */
export function kindFieldOfKey(kind: WebsiteKind, inputs: KindInputs, key: string): FieldName | 'timeSlot' | undefined {
  const path = key.toLowerCase().replace(/^application\./, '');
  if (kind === 'viewing' && path === 'timeslotid') return 'timeSlot';
  return (Object.entries(inputs) as [FieldName, string][]).find(([, at]) => at.toLowerCase() === path)?.[0];
}

/** Vitec's `ModelState` key for a dotted path of a website kind's body: `lead.message` → `application.Lead.Message`. */
export const applicationKey = (path: string): string => modelStateKey(path, 'application');
