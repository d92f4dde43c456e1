/**
 * Form values + attributes + marketing → the body of a website kind (lead-kinds.ts): an interest, a viewing booking
 * or a valuation request, every string trimmed and nothing empty. The consent box, when the form has one, is the
 * body's `gdprApprovalDate` (an interest: when it was ticked) or `gdpr.hasApproved` (a booking, a valuation).
 */
import type { FieldName } from './fields.js';
import { type KindBody, validateKind } from './kind-schemas.js';
import type { KindInputs } from './kind-inputs.js';
import type { InterestStatus } from './kind-rules.js';
import type { WebsiteKind } from './lead-kinds.js';
import { kindDeps } from './kind-deps.js';
import type { FormRules, FormValidation, FormValues } from './lead-payload.js';
import type { FormMarketing } from './lead-schema.js';

/** What the element's attributes give a website kind's body. */
export interface KindConfig {
  /** Where each input goes in the kind's body (kind-inputs.ts). */
  inputs: KindInputs;
  leadSourceId?: string;
  assignmentSourceId?: string;
  /** A valuation's receiver (`receiver.userId`). */
  receiverUserId?: string;
  interestStatus?: InterestStatus | (string & {});
  /** A booking's confirmations; neither set: Vitec's own default. */
  confirmByEmail?: boolean;
  confirmBySms?: boolean;
  /** A booking's reminder, minutes before the viewing. */
  reminderMinutes?: number;
  /** A booking's time slot. */
  timeSlotId?: string;
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[path[path.length - 1]!] = value;
}

/** Builds a website kind's body (not yet validated); `consentAt` is when the consent box was ticked, if it was. */
export function buildKindBody(
  kind: WebsiteKind,
  values: FormValues,
  config: KindConfig,
  marketing?: FormMarketing,
  consentAt?: Date,
): Partial<KindBody> {
  const body: Record<string, unknown> = {};
  const { inputs } = config;
  for (const [field, value] of Object.entries(values)) {
    const path = inputs[field as FieldName];
    if (path) setPath(body, path.split('.'), value);
  }
  if (kind === 'interest') {
    if (values.isForeignSocialSecurityNumber && values.socialSecurityNumber?.trim())
      body.isForeignSocialSecurityNumber = true;
    body.leadSourceId = config.leadSourceId;
    body.assignmentSourceId = config.assignmentSourceId;
    body.status = config.interestStatus;
    body.gdprApprovalDate = consentAt?.toISOString();
  } else {
    body.gdpr = consentAt ? { hasApproved: true } : undefined;
    setPath(body, ['lead', 'leadSourceId'], config.leadSourceId);
  }
  if (kind === 'viewing') {
    body.timeSlotId = config.timeSlotId;
    if (config.confirmByEmail || config.confirmBySms)
      body.confirmation = { isEmailEnabled: !!config.confirmByEmail, isSmsEnabled: !!config.confirmBySms };
    body.reminderTime = config.reminderMinutes;
  }
  if (kind === 'valuation') {
    setPath(body, ['lead', 'assignmentSourceId'], config.assignmentSourceId);
    body.receiver = config.receiverUserId ? { userId: config.receiverUserId } : undefined;
  }
  body.marketing = marketing;
  return (kindDeps.compactLead(body) ?? {}) as Partial<KindBody>;
}

/** `validateForm` (lead-payload.ts) for a website kind's body: its paths and its schema (kind-schemas.ts). */
export function validateKindForm(
  kind: WebsiteKind,
  body: unknown,
  rules: FormRules,
  inputs: KindInputs,
): FormValidation<KindBody> {
  return kindDeps.checkForm<KindBody>(body, rules, {
    pathOf: (field) => (inputs[field] ?? field).split('.'),
    validate: (value) => validateKind(kind, value, inputs),
  });
}
