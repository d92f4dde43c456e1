/** How each input is rendered, and how the `fields` and `required` attributes are read. */
import { FIELD_GROUPS, FIELD_NAMES, type FieldName } from './fields.js';

export interface InputSpec {
  readonly type: 'text' | 'email' | 'tel' | 'textarea';
  /** The HTML autofill token (https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#autofill). */
  readonly autocomplete: string;
  readonly inputmode?: 'numeric' | 'email' | 'tel';
}

export const INPUTS: Readonly<Record<FieldName, InputSpec>> = {
  firstName: { type: 'text', autocomplete: 'given-name' },
  lastName: { type: 'text', autocomplete: 'family-name' },
  // A personnummer is not something browsers should store or offer on other sites.
  socialSecurityNumber: { type: 'text', autocomplete: 'off' },
  'address.streetAddress': { type: 'text', autocomplete: 'address-line1' },
  'address.zipCode': { type: 'text', autocomplete: 'postal-code', inputmode: 'numeric' },
  'address.city': { type: 'text', autocomplete: 'address-level2' },
  'email.emailAddress': { type: 'email', autocomplete: 'email' },
  'email.emailAddress2': { type: 'email', autocomplete: 'off' },
  'telephone.home': { type: 'tel', autocomplete: 'home tel' },
  'telephone.work': { type: 'tel', autocomplete: 'work tel' },
  'telephone.cell': { type: 'tel', autocomplete: 'mobile tel' },
  'telephone.other': { type: 'tel', autocomplete: 'tel' },
  message: { type: 'textarea', autocomplete: 'off' },
};

export const DEFAULT_FIELDS = 'firstName lastName email.emailAddress telephone.cell message';
export const DEFAULT_REQUIRED = 'firstName lastName';

export interface FieldList {
  /** Known inputs, in the canonical order of `FIELD_NAMES`, each once. */
  readonly fields: FieldName[];
  /** Names that are neither an input nor a group. */
  readonly unknown: string[];
}

/** Reads a space-separated list of input and group names (`address`, `email`, `telephone`). */
export function parseFieldList(value: string): FieldList {
  const wanted = new Set<FieldName>();
  const unknown: string[] = [];
  for (const name of value.split(/[\s,]+/).filter(Boolean)) {
    const group = Object.hasOwn(FIELD_GROUPS, name) ? FIELD_GROUPS[name] : undefined;
    if (group) group.forEach((field) => wanted.add(field));
    else if ((FIELD_NAMES as readonly string[]).includes(name)) wanted.add(name as FieldName);
    else unknown.push(name);
  }
  return { fields: FIELD_NAMES.filter((field) => wanted.has(field)), unknown };
}
