/**
 * What every language file holds: every string the visitor sees (`Messages`) and the relay's words in its 400
 * answers (`RelayMessages`). An input's label is in `labels`, by the field table's names (fields.ts), and the
 * relay names an input by the same label.
 */
import type { FieldName } from '../fields.js';
import type { ErrorCode } from '../error-codes.js';

/** What the first drawing of a form shows, and what it says when the rest of the form cannot be loaded. */
export interface FormTexts {
  labels: Record<FieldName | 'isForeignSocialSecurityNumber', string>;
  hints: Partial<Record<FieldName, string>>;
  optional: string;
  /** The legend and the line of the group of e-mail and phone inputs, one of which is needed. */
  contactLegend: string;
  contactRule: string;
  submit: string;
  sending: string;
  sendingStatus: string;
  /** Other ways to reach the broker when a lead cannot be sent: a mailto link and a tel link, either may be absent. */
  fallback: (email: unknown, phone: unknown) => unknown[];
  /** The subject of the e-mail the fallback link starts. */
  fallbackSubject: string;
  privacyPolicy: string;
  privacyPolicyPlain: string;
  /** A sentence around the policy link (or its plain name). */
  privacySentence: (policy: unknown) => unknown[];
  consentLabel: (policy: unknown) => unknown[];
  previewNote: string;
  /** The lazily loaded part of the form did not arrive (what a submit then says). */
  behaviourFailed: string;
}

/**
 * What a form set up wrong says instead of its fields, for the page's editor: in a part of the form loaded at the
 * visitor's first focus in it (config-check.ts), Swedish's in sv-config.ts, the other languages' in their own file.
 */
export interface ConfigTexts {
  /** The sentence around one problem. */
  notSetUp: (detail: string) => string;
  endpoint: string;
  endpointScheme: string;
  mixedContent: string;
  customerId: string;
  url: (attribute: string) => string;
  names: string;
  fields: (names: string) => string;
  /** `kind` is not one of the kinds (lead-kinds.ts). */
  kind: (value: string) => string;
  /** An interest or a booking without a usable `estate-id`. */
  estateId: string;
  /** Another kind than the person lead without `relay`. */
  relay: string;
  /** An input the kind's form does not take. */
  kindFields: (names: string) => string;
}

/**
 * What a form shows once the visitor has acted: errors, the summary, the thank-you, failures. In the lazily loaded
 * part for Swedish (sv-states.ts); in the language's own file for the others.
 */
export interface StateTexts {
  required: Record<FieldName, string>;
  errors: Record<Exclude<ErrorCode, 'required' | 'tooLong'>, string>;
  tooLong: (label: string, max: number) => string;
  errorPrefix: string;
  /** Read before an error the visitor has fixed since the last submit. */
  fixedPrefix: string;
  /** After a fixed item in the error summary. */
  fixedNote: string;
  /** The button on the thank-you that empties the form for another message. */
  sendAnother: string;
  summaryHeading: string;
  sentHeading: string;
  sentBody: string;
  leadId: (id: string) => string;
  /** The thank-you's text for a lead the relay keeps to deliver later (Vitec could not take it now). */
  queuedBody: string;
  /** The receipt of a queued lead, which the visitor can quote. */
  receipt: (receipt: string) => string;
  failed: {
    permanent: string;
    rateLimit: (seconds?: number) => string;
    server: string;
    network: string;
    timeout: string;
    offline: string;
    invalid: string;
  };
  serverSaid: string;
  consentRequired: string;
  /** The start of the line a lead's message ends with when consent was given; the time follows. */
  consentRecord: string;
  previewLeadId: string;
}

/** Every string the visitor sees. */
export interface Messages extends FormTexts, StateTexts {}

/**
 * What the forms of the website kinds say (an interest, a viewing booking, a valuation): in the lazily loaded part those
 * forms load before they first draw (sv-kinds.ts for Swedish; the language's own file for the others).
 */
export interface KindTexts {
  /** The legend of a booking's time slots, and what stands there while they load. */
  slotsLegend: string;
  slotsLoading: string;
  /** No slot can be booked: said, and the interest form offered instead. */
  slotsNone: string;
  offerInterest: string;
  /** The slots could not be read; the button reads them again. */
  slotsFailed: string;
  retry: string;
  /** Vitec does not know the estate of `estate-id`. */
  estateUnknown: string;
  slotRequired: string;
  /** The slot filled up while the visitor chose it: the slots are read again. */
  slotFull: string;
  /** A slot written for people (viewings.ts); its first words are read before its time. */
  slotPrefix: string;
  thanks: {
    interest: { heading: string; body: string };
    viewing: { heading: string; body: (slot: string) => string };
    valuation: { heading: string; body: string };
  };
}

/** A relay message about a part of the lead, named by its label; `max` for `tooLong`. */
export type RelayTemplate = (label: string, max?: number) => string;

export interface RelayMessages {
  /** One sentence per error code, for Vitec's `ModelState`. */
  issues: Record<ErrorCode, RelayTemplate>;
  /** The names of the parts of a lead that are no input (an input is named by its label). */
  parts: {
    request: string;
    person: string;
    isForeignSocialSecurityNumber: string;
    receiver: string;
    leadSource: string;
    'leadSource.name': string;
    'leadSource.leadType': string;
    marketing: string;
    'marketing.referrer': string;
    'marketing.utmTags': string;
    /** The website family's parts (lead-kinds.ts), by the last name of their path. */
    timeSlotId: string;
    status: string;
    gdprApprovalDate: string;
    hasApproved: string;
    reminderTime: string;
    leadSourceId: string;
    assignmentSourceId: string;
    userId: string;
  };
  /** About the request as a whole, under `ModelState.lead`. */
  request: { invalidJson: string; invalidUtf8: string; tooDeep: string; incomplete: string };
}
