/** The element's events: `bubbles` and `composed`, so a page can listen on the element or on `document`. */
import type { InterestApplication, ValuationApplication, ViewingApplication } from '../lead/kind-schemas.js';
import type { PublicAdvertisingPersonLead } from '../lead/lead-schema.js';
import type { FieldName } from '../lead/fields.js';

/** What a form sends, by its `kind`: the person lead, or the body of an interest, a booking or a valuation. */
export type KindAndLead =
  | { readonly kind: 'lead'; lead: PublicAdvertisingPersonLead }
  | { readonly kind: 'interest'; lead: InterestApplication }
  | { readonly kind: 'viewing'; lead: ViewingApplication }
  | { readonly kind: 'valuation'; lead: ValuationApplication };

/** The lead about to be sent, by kind; a handler may replace or change `lead`. */
export type LeadSubmitDetail = KindAndLead;

/**
 * Vitec's lead id (empty for the website kinds: an interest gets no id, and a booking or a valuation has the
 * `contactId` of the person Vitec booked or found instead); or, when Vitec could not take the lead now and the relay
 * keeps it to deliver later, `queued: true` and the receipt the visitor was shown instead.
 */
export type LeadSuccessDetail = Readonly<KindAndLead> &
  (
    | { readonly leadId: string; readonly queued?: false; readonly contactId?: string }
    | {
        readonly queued: true;
        readonly receipt: string;
        /** Not set: Vitec has not made the lead yet (typed, so that `detail.leadId` reads as `string | undefined`). */
        readonly leadId?: undefined;
      }
  );

export interface LeadErrorDetail {
  /** The HTTP status, or 0 when no answer came (network failure, timeout, offline). */
  readonly status: number;
  /** What the visitor was shown. */
  readonly message: string;
  /** The message at each input, when the server named inputs. */
  readonly fieldErrors: Partial<Record<FieldName, string>>;
}

export interface LeadBotDetail {
  /** `honeypot`: the hidden input was filled, nothing is sent. `too-fast`: the submit is held, then sent. */
  readonly reason: 'honeypot' | 'too-fast';
  /** For `too-fast`: how long the submit is held before it is sent, in milliseconds. */
  readonly holdMs?: number;
}

const init = { bubbles: true, composed: true } as const;

/** Fired before a lead is sent. Cancel it to send nothing; change `detail.lead` to send something else. */
export class LeadSubmitEvent extends Event {
  static readonly type = 'vitec-lead-form-submit';
  constructor(readonly detail: LeadSubmitDetail) {
    super(LeadSubmitEvent.type, { ...init, cancelable: true });
  }
}

/** Fired when the endpoint accepted the lead. */
export class LeadSuccessEvent extends Event {
  static readonly type = 'vitec-lead-form-success';
  constructor(readonly detail: LeadSuccessDetail) {
    super(LeadSuccessEvent.type, init);
  }
}

/** Fired when a lead could not be sent. */
export class LeadErrorEvent extends Event {
  static readonly type = 'vitec-lead-form-error';
  constructor(readonly detail: LeadErrorDetail) {
    super(LeadErrorEvent.type, init);
  }
}

/** Fired when a submit looks like a bot's (see `LeadBotDetail`). */
export class LeadBotEvent extends Event {
  static readonly type = 'vitec-lead-form-bot';
  constructor(readonly detail: LeadBotDetail) {
    super(LeadBotEvent.type, init);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'vitec-lead-form-submit': LeadSubmitEvent;
    'vitec-lead-form-success': LeadSuccessEvent;
    'vitec-lead-form-error': LeadErrorEvent;
    'vitec-lead-form-bot': LeadBotEvent;
  }
}
