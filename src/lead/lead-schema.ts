/**
 * The one schema of a `PublicAdvertisingPersonLead`: the element validates with it, the relay validates
 * again, and the TypeScript types come from it. Built on `zod/mini` so the browser bundle stays small,
 * and built lazily (`getLeadSchema`) so that loading the script does no schema work up front.
 *
 * Issues carry a message *code* (a key of `ErrorCode`), not text: the element words it in the visitor's
 * language and the relay in Swedish, as Vitec does.
 */
import * as z from 'zod/mini';
import { parsePersonnummer } from './personnummer.js';

export type { ErrorCode } from './error-codes.js';
export { LIMITS } from './limits.js';
import { type ErrorCode, isErrorCode } from './error-codes.js';
import { LIMITS } from './limits.js';
import { FIELDS, type FieldName, fieldOfPath } from './fields.js';
import { FORBIDDEN_CHARACTERS } from './text-rules.js';

const PHONE = /^\+?[\d\s()-]+$/;
/** The HTML standard's "valid email address", what browsers check `type=email` against. */
const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;
const ZIP = /^(\d{3}) ?(\d{2})$/;

const FORBIDDEN = new RegExp(`[${FORBIDDEN_CHARACTERS}]`, 'u');
const FORBIDDEN_BUT_LINES = new RegExp(`(?![\\t\\n\\r])[${FORBIDDEN_CHARACTERS}]`, 'u');
/** White space and the invisible characters a name cannot consist of alone. */
const INVISIBLE = /[\s\u200b-\u200d\u2060\ufeff]/g;

/** None of the characters no text may hold (text-rules.ts); TAB, LF and CR only when `multiline`. */
export function plain(multiline = false) {
  const forbidden = multiline ? FORBIDDEN_BUT_LINES : FORBIDDEN;
  return z.refine<string>((v) => !forbidden.test(v), { error: 'characters' });
}

/**
 * At most `max` UTF-16 code units, JavaScript's `length`: Vitec is a .NET service and counts them so,
 * while Zod's `maxLength` counts code points (an emoji is one there and two at Vitec).
 */
export function maxUnits(max: number) {
  return z.superRefine((value: string, ctx) => {
    if (value.length > max)
      ctx.issues.push({
        code: 'too_big',
        origin: 'string',
        maximum: max,
        inclusive: true,
        input: value,
        message: 'tooLong',
      });
  });
}

export function text(max: number, multiline = false) {
  return z.string().check(z.minLength(1, { error: 'required' }), plain(multiline), maxUnits(max));
}

/**
 * Zod 4 probes `new Function` on its first parse unless told not to; a strict CSP in a browser would report it.
 * Servers keep Zod's faster compiled parsers.
 */
export function configureZod(): void {
  if ('document' in globalThis) z.config({ jitless: true });
}

/** A name: text, and not only spaces and invisible characters. */
export const name = (max: number) =>
  text(max).check(z.refine((v) => v.replace(INVISIBLE, '') !== '', { error: 'required' }));

/** An optional e-mail address: the HTML standard's valid address, at most `max` long. */
export const email = (max: number) => z.optional(z.string().check(z.regex(EMAIL, { error: 'email' }), maxUnits(max)));

/** An optional phone number: digits, spaces, dashes, brackets and a leading plus; 7 to 15 digits; at most `max` long. */
export function optionalPhone(max?: number) {
  return z.optional(
    z.string().check(
      plain(),
      z.regex(PHONE, { error: 'phone' }),
      z.refine(
        (v) => {
          const digits = v.replace(/\D/g, '').length;
          return digits >= 7 && digits <= 15;
        },
        { error: 'phone' },
      ),
      ...(max ? [maxUnits(max)] : []),
    ),
  );
}

/** A Swedish postal code, five digits, written `123 45` whatever the spacing typed. */
export const zipCode = () =>
  z.optional(
    z.string().check(
      z.regex(ZIP, { error: 'zipCode' }),
      z.overwrite((v) => v.replace(ZIP, '$1 $2')),
    ),
  );

/** The lead's `marketing`: the page's referrer and its UTM tags. */
export const marketing = () =>
  z.optional(
    z.object({
      referrer: z.optional(text(LIMITS.referrer)),
      utmTags: z.optional(
        z
          .array(z.object({ name: text(LIMITS.utmName), value: text(LIMITS.utmValue) }))
          .check(z.maxLength(LIMITS.utmTags, { error: 'tooLong' })),
      ),
    }),
  );

function buildSchema() {
  configureZod();

  const phone = optionalPhone();
  const id = z.optional(text(LIMITS.receiverId));
  const office = z.optional(z.object({ id, customerId: id }));

  const person = z
    .object({
      firstName: name(FIELDS.firstName.max),
      lastName: name(FIELDS.lastName.max),
      socialSecurityNumber: z.optional(text(FIELDS.socialSecurityNumber.max)),
      isForeignSocialSecurityNumber: z.optional(z.boolean()),
      address: z.optional(
        z.object({
          streetAddress: z.optional(text(FIELDS['address.streetAddress'].max)),
          zipCode: zipCode(),
          city: z.optional(text(FIELDS['address.city'].max)),
        }),
      ),
      email: z.optional(
        z.object({
          emailAddress: email(FIELDS['email.emailAddress'].max),
          emailAddress2: email(FIELDS['email.emailAddress2'].max),
        }),
      ),
      telephone: z.optional(z.object({ home: phone, work: phone, cell: phone, other: phone })),
    })
    .check(
      z.superRefine(
        (p, ctx) => {
          const number: unknown = p.socialSecurityNumber;
          if (
            typeof number === 'string' &&
            number &&
            p.isForeignSocialSecurityNumber !== true &&
            !parsePersonnummer(number)
          ) {
            ctx.issues.push({ code: 'custom', message: 'personnummer', input: number, path: ['socialSecurityNumber'] });
          }
        },
        // Checked even when other inputs have problems, so the visitor sees every error at once.
        { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
      ),
      z.overwrite((p) => {
        const parsed =
          p.socialSecurityNumber && !p.isForeignSocialSecurityNumber && parsePersonnummer(p.socialSecurityNumber);
        return parsed ? { ...p, socialSecurityNumber: parsed.normalised } : p;
      }),
    );

  const receiver = z.optional(
    z
      .object({
        agent: z.optional(z.object({ id, email: email(FIELDS['email.emailAddress'].max), office })),
        userGroup: z.optional(z.object({ id })),
        office,
      })
      .check(z.refine((r) => Boolean(r.agent || r.userGroup || r.office), { error: 'required' })),
  );

  return z.object({
    person,
    receiver,
    leadSource: z.object({
      // Vitec takes the enum by name or by number.
      leadType: z.custom<string | number>(
        (v) => (typeof v === 'string' ? /^[A-Za-z0-9_]{1,50}$/.test(v) : Number.isInteger(v) && (v as number) >= 0),
        {
          error: 'invalid',
        },
      ),
      name: text(LIMITS.leadSourceName),
    }),
    marketing: marketing(),
    message: z.optional(text(FIELDS.message.max, true)),
  });
}

let schema: ReturnType<typeof buildSchema> | undefined;

/** The lead schema, built on first use. */
export function getLeadSchema() {
  return (schema ??= buildSchema());
}

export type PublicAdvertisingPersonLead = z.output<ReturnType<typeof buildSchema>>;
export type Person = PublicAdvertisingPersonLead['person'];
export type Receiver = NonNullable<PublicAdvertisingPersonLead['receiver']>;
export type FormMarketing = NonNullable<PublicAdvertisingPersonLead['marketing']>;
export type UtmTag = NonNullable<FormMarketing['utmTags']>[number];

export interface LeadIssue {
  /** Dotted path in the lead, e.g. `person.email.emailAddress`; empty for the lead as a whole. */
  readonly path: string;
  /** The input it belongs to, when it belongs to one. */
  readonly field?: FieldName;
  readonly code: ErrorCode;
  /** For `tooLong`: the most UTF-16 code units the value may have. */
  readonly max?: number;
}

export type LeadValidation =
  | { readonly success: true; readonly lead: PublicAdvertisingPersonLead }
  | { readonly success: false; readonly issues: readonly LeadIssue[] };

/**
 * Validates a lead whose strings are already trimmed and whose empty values are already dropped
 * (`compactLead`). On success the lead comes back normalised (personnummer, postal code).
 */
export function validateLead(input: unknown): LeadValidation {
  const result = getLeadSchema().safeParse(input);
  if (result.success) return { success: true, lead: result.data };
  return { success: false, issues: leadIssues(result.error.issues, fieldOfPath) };
}

/** Zod's issues as lead issues: a code of `ErrorCode` each, and the input at its path (by `fieldOf`). */
export function leadIssues(
  issues: readonly z.core.$ZodIssue[],
  fieldOf: (path: readonly PropertyKey[]) => FieldName | undefined,
): LeadIssue[] {
  return issues.map((issue) => {
    const field = fieldOf(issue.path);
    // Zod's own codes (a missing object, a wrong type) become `required` or `invalid`.
    const code: ErrorCode =
      isErrorCode(issue.message) && issue.message !== 'invalid'
        ? issue.message
        : issue.code === 'invalid_type' && issue.input === undefined
          ? 'required'
          : 'invalid';
    const max = code === 'tooLong' && 'maximum' in issue ? Number(issue.maximum) : undefined;
    return { path: issue.path.join('.'), code, ...(field ? { field } : {}), ...(max === undefined ? {} : { max }) };
  });
}
