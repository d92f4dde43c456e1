/**
 * The names of a lead's inputs, and the only place that converts between the three spellings of one:
 * the form's input name (`email.emailAddress`), its path in the lead (`person.email.emailAddress`) and
 * Vitec's `ModelState` key (`lead.Person.Email.EmailAddress`), including the tolerant way back from
 * whatever spelling a model binder used.
 */

/** The inputs the form can show, by their `name` attribute. */
export const FIELD_NAMES = [
  'firstName',
  'lastName',
  'socialSecurityNumber',
  'address.streetAddress',
  'address.zipCode',
  'address.city',
  'email.emailAddress',
  'email.emailAddress2',
  'telephone.home',
  'telephone.work',
  'telephone.cell',
  'telephone.other',
  'message',
] as const;

export type FieldName = (typeof FIELD_NAMES)[number];

/** Group names that stand for all of their members in `fields` and `required`. */
export const FIELD_GROUPS: Readonly<Record<string, readonly FieldName[]>> = {
  address: ['address.streetAddress', 'address.zipCode', 'address.city'],
  email: ['email.emailAddress', 'email.emailAddress2'],
  telephone: ['telephone.home', 'telephone.work', 'telephone.cell', 'telephone.other'],
};

/** Inputs through which the broker can answer: a lead that shows any of them needs one filled. */
export const CONTACT_FIELDS: readonly FieldName[] = [...FIELD_GROUPS.email!, ...FIELD_GROUPS.telephone!];

/** Where an input lives in the lead: `person.firstName`, `person.email.emailAddress`, `message`. */
export function leadPath(field: FieldName): string[] {
  return field === 'message' ? ['message'] : ['person', ...field.split('.')];
}

/** The input at a path in the lead (as Zod reports issue paths); `undefined` for a path that is not an input. */
export function fieldOfPath(path: readonly PropertyKey[]): FieldName | undefined {
  const key = (path[0] === 'person' ? path.slice(1) : path).join('.');
  return (FIELD_NAMES as readonly string[]).includes(key) ? (key as FieldName) : undefined;
}

/** Vitec's `ModelState` key for a dotted lead path: `person.email.emailAddress` → `lead.Person.Email.EmailAddress`. */
export function modelStateKey(path: string): string {
  return [
    'lead',
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
