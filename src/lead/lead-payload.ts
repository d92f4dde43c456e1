/**
 * Form values + attributes + marketing → a `PublicAdvertisingPersonLead` with every string trimmed and
 * no empty string, empty array or empty object anywhere.
 */
import { CONTACT_FIELDS, type FieldName, leadPath } from './fields.js';
import {
  type ErrorCode,
  type FormMarketing,
  type LeadIssue,
  type PublicAdvertisingPersonLead,
  validateLead,
} from './lead-schema.js';

/** What the visitor typed, by input name. */
export type FormValues = Partial<Record<FieldName, string>> & { isForeignSocialSecurityNumber?: boolean };

/** What the element's attributes say about the lead. */
export interface LeadConfig {
  leadSourceName: string;
  leadType: string;
  agentId?: string;
  agentEmail?: string;
  userGroupId?: string;
  officeId?: string;
  officeCustomerId?: string;
}

/** The lead's source and receiver from the attributes; the source name defaults to the site's host. */
export function leadConfigOf(
  attributes: Omit<LeadConfig, 'leadSourceName'> & { leadSourceName?: string },
  host: string,
): LeadConfig {
  const { leadType, agentId, agentEmail, userGroupId, officeId, officeCustomerId } = attributes;
  return {
    leadSourceName: attributes.leadSourceName || host,
    leadType,
    agentId,
    agentEmail,
    userGroupId,
    officeId,
    officeCustomerId,
  };
}

/**
 * Trims every string and drops `''`, `null`, `undefined`, empty arrays and empty objects, deeply.
 * Returns `undefined` when nothing is left. Keys such as `__proto__` are copied as plain data.
 */
export function compactLead(value: unknown): unknown {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }
  if (Array.isArray(value)) {
    const items = value.map(compactLead).filter((item) => item !== undefined);
    return items.length ? items : undefined;
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const compacted = compactLead(item);
      if (compacted === undefined) continue;
      // A `__proto__` key (JSON.parse makes one) is copied as data, never as the prototype.
      if (key === '__proto__')
        Object.defineProperty(out, key, { value: compacted, enumerable: true, writable: true, configurable: true });
      else out[key] = compacted;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return value ?? undefined;
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[path[path.length - 1]!] = value;
}

function getPath(source: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>(
    (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
    source,
  );
}

/**
 * Builds the lead (not yet validated) from the form's values, the element's attributes and marketing.
 * `consent`, when given, becomes the message's last line.
 */
export function buildLead(
  values: FormValues,
  config: LeadConfig,
  marketing?: FormMarketing,
  consent?: string,
): Partial<PublicAdvertisingPersonLead> {
  const lead: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(values)) {
    if (field !== 'isForeignSocialSecurityNumber') setPath(lead, leadPath(field as FieldName), value);
  }
  if (values.isForeignSocialSecurityNumber && values.socialSecurityNumber?.trim()) {
    setPath(lead, ['person', 'isForeignSocialSecurityNumber'], true);
  }
  lead.receiver = {
    agent: { id: config.agentId, email: config.agentEmail },
    userGroup: { id: config.userGroupId },
    office: { id: config.officeId, customerId: config.officeCustomerId },
  };
  lead.leadSource = { leadType: config.leadType, name: config.leadSourceName };
  lead.marketing = marketing;
  if (consent) lead.message = [values.message?.trim(), consent].filter(Boolean).join('\n\n');
  return (compactLead(lead) ?? {}) as Partial<PublicAdvertisingPersonLead>;
}

export interface FormRules {
  /** Inputs that must be filled. */
  readonly required: readonly FieldName[];
  /** Inputs the form shows. */
  readonly shown: readonly FieldName[];
  /** Paths of the body whose problems the caller tells itself (a booking's time slot). */
  readonly skip?: readonly string[];
}

export type FormValidation<Lead = PublicAdvertisingPersonLead> =
  | { readonly success: true; readonly lead: Lead }
  | {
      readonly success: false;
      /** The first problem of each input, in the order the inputs are shown. */
      readonly fieldErrors: Partial<Record<FieldName, ErrorCode>>;
      /** Problems that belong to no shown input. */
      readonly formErrors: readonly ErrorCode[];
      /** For each `tooLong` input, the most it may hold, as the schema's issue says. */
      readonly maxima: Partial<Record<FieldName, number>>;
    };

/**
 * Validates a built lead against the schema and the form's own rules: the `required` inputs, and at
 * least one email or phone number when the form shows any, so that the broker can answer.
 */
export function validateForm(lead: unknown, rules: FormRules): FormValidation {
  return checkForm(lead, rules);
}

/** How `checkForm` reads a kind of body: where each input is in it, and its schema. */
export interface BodyShape<Body> {
  pathOf: (field: FieldName) => string[];
  validate: (body: unknown) => { success: true; body: Body } | { success: false; issues: readonly LeadIssue[] };
}

const PERSON_LEAD: BodyShape<PublicAdvertisingPersonLead> = {
  pathOf: leadPath,
  validate: (lead) => {
    const result = validateLead(lead);
    return result.success ? { success: true, body: result.lead } : result;
  },
};

/** `validateForm` for any kind's body, by its shape (kind-payload.ts has the website kinds'). */
export function checkForm<Body = PublicAdvertisingPersonLead>(
  lead: unknown,
  rules: FormRules,
  shape: BodyShape<Body> = PERSON_LEAD as unknown as BodyShape<Body>,
): FormValidation<Body> {
  const found: Partial<Record<FieldName, ErrorCode>> = {};
  const formErrors: ErrorCode[] = [];
  const maxima: Partial<Record<FieldName, number>> = {};
  const { pathOf } = shape;
  for (const field of rules.required) {
    if (getPath(lead, pathOf(field)) === undefined) found[field] = 'required';
  }
  const contactShown = rules.shown.filter((field) => CONTACT_FIELDS.includes(field));
  if (contactShown.length && contactShown.every((field) => getPath(lead, pathOf(field)) === undefined)) {
    found[contactShown[0]!] ??= 'contactRequired';
  }
  const result = shape.validate(lead);
  if (!result.success) {
    for (const issue of result.issues) {
      if (rules.skip?.includes(issue.path)) continue;
      if (issue.field && rules.shown.includes(issue.field)) {
        found[issue.field] ??= issue.code;
        if (found[issue.field] === 'tooLong' && issue.max !== undefined) maxima[issue.field] ??= issue.max;
      }
      // A missing `person` is already told at its required inputs.
      else if (
        !(Object.keys(found) as FieldName[]).some((field) => pathOf(field).join('.').startsWith(`${issue.path}.`)) &&
        // The contact rule is told at the first contact input shown.
        !(issue.code === 'contactRequired' && contactShown.length)
      )
        formErrors.push(issue.code);
    }
  }
  const fieldErrors: Partial<Record<FieldName, ErrorCode>> = {};
  for (const field of rules.shown) if (found[field]) fieldErrors[field] = found[field];
  if (result.success && !formErrors.length && !Object.keys(fieldErrors).length)
    return { success: true, lead: result.body };
  return { success: false, fieldErrors, formErrors, maxima };
}
