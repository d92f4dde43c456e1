/**
 * The Zod schemas of the website family's bodies (lead-kinds.ts): an interest (`AdvertisingInterestApplication`), a
 * viewing booking (`ViewingAttendeeApplication`) and a valuation request (`ValuationApplication`). As the person
 * lead's (lead-schema.ts), each is the one truth for its kind: the element validates with it, the relay again. Vitec
 * documents the contact rule for the interest ("an e-mail address, a phone number or a mobile number must be given");
 * the booking and the valuation are held to it too, as a broker must be able to answer.
 */
import type * as Zod from 'zod/mini';
import type { FieldName } from './fields.js';
import type { KindInputs } from './kind-inputs.js';
import { kindDeps } from './kind-deps.js';
import { INTEREST_STATUSES, type InterestStatus, inputOfPath, WEBSITE_LIMITS as MAX } from './kind-rules.js';
import type { WebsiteKind } from './lead-kinds.js';
import type { LeadIssue } from './lead-schema.js';

/** An ISO 8601 date and time with its offset, as `Date.prototype.toISOString` writes one. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

function buildSchemas() {
  // Zod and the person lead's field schemas, taken when the schemas are first built (kind-deps.ts says why).
  const { z, configureZod, email, marketing, name, optionalPhone, text, zipCode } = kindDeps;
  configureZod();
  const optionalText = (max: number, multiline = false) => z.optional(text(max, multiline));
  const id = () => optionalText(MAX.id);

  /** At least one of the contact paths is given; the issue stands at the first of them. */
  function contactRule(paths: readonly string[]) {
    return z.superRefine((body: Record<string, unknown>, ctx) => {
      const given = paths.some((path) =>
        path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], body),
      );
      if (!given)
        ctx.issues.push({ code: 'custom', message: 'contactRequired', input: body, path: paths[0]!.split('.') });
    });
  }

  const address = z.optional(
    z.object({
      streetAddress: optionalText(MAX.streetAddress),
      zipCode: zipCode(),
      city: optionalText(MAX.city),
    }),
  );
  const person = {
    firstName: name(MAX.name),
    lastName: name(MAX.name),
    address,
    marketing: marketing(),
  };
  const gdpr = z.optional(z.object({ hasApproved: z.boolean() }));
  const interest = z
    .object({
      ...person,
      leadSourceId: id(),
      assignmentSourceId: id(),
      socialSecurityNumber: optionalText(MAX.socialSecurityNumber),
      isForeignSocialSecurityNumber: z.optional(z.boolean()),
      telephone: z.optional(
        z.object({
          home: optionalPhone(MAX.phone),
          work: optionalPhone(MAX.phone),
          cell: optionalPhone(MAX.phone),
          other: optionalPhone(MAX.phone),
        }),
      ),
      email: z.optional(z.object({ emailAddress: email(MAX.email), emailAddress2: email(MAX.email) })),
      gdprApprovalDate: z.optional(z.string().check(z.regex(DATE_TIME, { error: 'invalid' }))),
      contactMessage: optionalText(MAX.message, true),
      status: z.optional(
        z.custom<InterestStatus>((v) => (INTEREST_STATUSES as readonly unknown[]).includes(v), { error: 'invalid' }),
      ),
    })
    .check(
      contactRule(['email.emailAddress', 'email.emailAddress2', 'telephone.cell', 'telephone.home', 'telephone.work']),
    );
  const contact = { email: email(MAX.email), cellPhone: optionalPhone(MAX.phone), gdpr };
  const viewing = z
    .object({
      ...person,
      ...contact,
      timeSlotId: text(MAX.id),
      lead: z.optional(z.object({ leadSourceId: id(), message: optionalText(MAX.message, true) })),
      confirmation: z.optional(
        z.object({ isEmailEnabled: z.optional(z.boolean()), isSmsEnabled: z.optional(z.boolean()) }),
      ),
      // Minutes before the viewing; at most a week.
      reminderTime: z.optional(
        z.custom<number>((v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 10_080, {
          error: 'invalid',
        }),
      ),
    })
    .check(contactRule(['email', 'cellPhone']));
  const valuation = z
    .object({
      ...person,
      ...contact,
      lead: z.optional(
        z.object({ assignmentSourceId: id(), leadSourceId: id(), message: optionalText(MAX.message, true) }),
      ),
      receiver: z.optional(z.object({ userId: text(MAX.id) })),
    })
    .check(contactRule(['email', 'cellPhone']));
  return { interest, viewing, valuation };
}

let schemas: ReturnType<typeof buildSchemas> | undefined;

/** The website kinds' schemas, built on first use. */
export function getKindSchemas() {
  return (schemas ??= buildSchemas());
}

type Schemas = ReturnType<typeof buildSchemas>;
export type InterestApplication = Zod.output<Schemas['interest']>;
export type ViewingApplication = Zod.output<Schemas['viewing']>;
export type ValuationApplication = Zod.output<Schemas['valuation']>;
export type KindBody = InterestApplication | ViewingApplication | ValuationApplication;

export type KindValidation =
  | { readonly success: true; readonly body: KindBody }
  | { readonly success: false; readonly issues: readonly LeadIssue[] };

/**
 * Validates a website kind's body whose strings are trimmed and whose empty values are dropped (`compactLead`); each
 * issue names its input by the kind's `inputs` (kind-inputs.ts).
 */
export function validateKind(kind: WebsiteKind, input: unknown, inputs: KindInputs): KindValidation {
  const result = getKindSchemas()[kind].safeParse(input);
  if (result.success) return { success: true, body: result.data };
  const fieldOf = (path: readonly PropertyKey[]): FieldName | undefined => inputOfPath(inputs, path);
  return { success: false, issues: kindDeps.leadIssues(result.error.issues, fieldOf) };
}
