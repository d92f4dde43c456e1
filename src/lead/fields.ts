/**
 * The one field table: every input the form can show, with how it renders and what the schema allows, and the
 * only place that converts between the three spellings of one input: the form's input name
 * (`email.emailAddress`), its path in the lead (`person.email.emailAddress`) and Vitec's `ModelState` key
 * (`lead.Person.Email.EmailAddress`), including the tolerant way back from whatever spelling a model binder used.
 * The schema's length limits, the form's inputs, the labels (in each language file, by these names) and the
 * docs' table of inputs all come from here.
 */

export interface FieldSpec {
  readonly type: 'text' | 'email' | 'tel' | 'textarea';
  /** The HTML autofill token (https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#autofill). */
  readonly autocomplete: string;
  readonly inputmode?: 'numeric' | 'email' | 'tel';
  /** The most UTF-16 code units the schema takes, where it limits the length itself. */
  readonly max?: number;
}

/** In the form's order. Vitec's limits: 30 for a name (its own 400 beyond), the rest the relay's own bounds. */
export const FIELDS = {
  firstName: { type: 'text', autocomplete: 'given-name', max: 30 },
  lastName: { type: 'text', autocomplete: 'family-name', max: 30 },
  // A personnummer is not something browsers should store or offer on other sites.
  socialSecurityNumber: { type: 'text', autocomplete: 'off', max: 20 },
  'address.streetAddress': { type: 'text', autocomplete: 'address-line1', max: 100 },
  'address.zipCode': { type: 'text', autocomplete: 'postal-code', inputmode: 'numeric' },
  'address.city': { type: 'text', autocomplete: 'address-level2', max: 50 },
  'email.emailAddress': { type: 'email', autocomplete: 'email', max: 254 },
  'email.emailAddress2': { type: 'email', autocomplete: 'off', max: 254 },
  'telephone.home': { type: 'tel', autocomplete: 'home tel' },
  'telephone.work': { type: 'tel', autocomplete: 'work tel' },
  'telephone.cell': { type: 'tel', autocomplete: 'mobile tel' },
  'telephone.other': { type: 'tel', autocomplete: 'tel' },
  message: { type: 'textarea', autocomplete: 'off', max: 4000 },
} as const satisfies Record<string, FieldSpec>;

export type FieldName = keyof typeof FIELDS;

/** The inputs the form can show, by their `name` attribute, in the form's order. */
export const FIELD_NAMES = Object.keys(FIELDS) as FieldName[];

/** The spec of an input, typed as the general shape. */
export const fieldSpec = (field: FieldName): FieldSpec => FIELDS[field];

/**
 * Group names that stand for all of their members in `fields` and `required`: an input's group is the part of
 * the person it belongs to (`address` for `address.city`), as in Vitec's own model.
 */
export const FIELD_GROUPS: Readonly<Record<string, readonly FieldName[]>> = {};
for (const field of FIELD_NAMES) {
  const group = field.includes('.') && field.split('.')[0]!;
  if (group) ((FIELD_GROUPS as Record<string, FieldName[]>)[group] ??= []).push(field);
}

/** Inputs through which the broker can answer: a lead that shows any of them needs one filled. */
export const CONTACT_FIELDS: readonly FieldName[] = [...FIELD_GROUPS.email!, ...FIELD_GROUPS.telephone!];

export function isFieldName(name: string): name is FieldName {
  return Object.hasOwn(FIELDS, name);
}

/** Where an input lives in the lead: `person.firstName`, `person.email.emailAddress`, `message`. */
export function leadPath(field: FieldName): string[] {
  return field === 'message' ? ['message'] : ['person', ...field.split('.')];
}

/** The input at a path in the lead (as Zod reports issue paths); `undefined` for a path that is not an input. */
export function fieldOfPath(path: readonly PropertyKey[]): FieldName | undefined {
  const key = (path[0] === 'person' ? path.slice(1) : path).join('.');
  return isFieldName(key) ? key : undefined;
}

/**
 * Vitec's `ModelState` key for a dotted path in the body bound as `parameter` (ASP.NET's binder names each part in
 * Pascal case): `person.email.emailAddress` → `lead.Person.Email.EmailAddress`.
 */
export function modelStateKey(path: string, parameter = 'lead'): string {
  return [
    parameter,
    ...path
      .split('.')
      .filter(Boolean)
      .map((s) => s.charAt(0).toUpperCase() + s.slice(1)),
  ].join('.');
}

const PATHS = FIELD_NAMES.map((field) => ({
  field,
  full: leadPath(field).map((s) => s.toLowerCase()),
  bare: field.toLowerCase().split('.'),
}));

function endsWith(key: readonly string[], tail: readonly string[]): boolean {
  return key.length >= tail.length && tail.every((segment, i) => key[key.length - tail.length + i] === segment);
}

/**
 * The input an error key names, whatever prefix the model binder put first: `lead.Person.FirstName`,
 * `Person.Email.EmailAddress`, `$.person.firstName`, `person.telephone.cell` (case-insensitive).
 */
export function fieldOfKey(key: string): FieldName | undefined {
  const segments = key
    .toLowerCase()
    .replace(/^\$\.?/, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean);
  if (!segments.length) return undefined;
  return (
    PATHS.find((p) => endsWith(segments, p.full)) ??
    PATHS.find((p) => segments.length === p.bare.length && endsWith(segments, p.bare))
  )?.field;
}
