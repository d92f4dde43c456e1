/**
 * The inputs of the website kinds' forms (lead-kinds.ts): where each goes in its kind's body, and which a form of
 * each kind shows and needs unless the page says otherwise. For the kinds' lazily loaded part (kinds.ts), which hands
 * the table on to what builds and checks a body (kind-payload.ts, kind-rules.ts), and for the relay.
 */
import type { FieldName } from './fields.js';
import { isWebsiteKind, type WebsiteKind } from './lead-kinds.js';

/** Where each input goes in a body (a dotted path). */
export type KindInputs = Readonly<Partial<Record<FieldName, string>>>;

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
export const KIND_INPUTS: Readonly<Record<WebsiteKind, KindInputs>> = {
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

/** The inputs each kind shows and needs unless `fields` and `required` say otherwise. */
export const KIND_DEFAULTS: Readonly<Record<WebsiteKind, { readonly fields: string; readonly required: string }>> = {
  interest: { fields: 'firstName lastName email.emailAddress telephone.cell message', required: 'firstName lastName' },
  viewing: { fields: 'firstName lastName email.emailAddress telephone.cell message', required: 'firstName lastName' },
  valuation: {
    fields: 'firstName lastName email.emailAddress telephone.cell address message',
    required: 'firstName lastName address.streetAddress address.city',
  },
};

/** The `fields` and `required` a form of `kind` uses: the kind's own defaults where the page left the lead form's. */
export function kindFieldLists(
  kind: string,
  lists: { fields: string; required: string },
  leadDefaults: { fields: string; required: string },
): { fields: string; required: string } {
  const own = isWebsiteKind(kind) ? KIND_DEFAULTS[kind] : undefined;
  return {
    fields: own && lists.fields === leadDefaults.fields ? own.fields : lists.fields,
    required: own && lists.required === leadDefaults.required ? own.required : lists.required,
  };
}
