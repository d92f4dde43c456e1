// Written by `npm run build` from custom-elements.json (build/attribute-types.ts): do not edit by hand.

/** The attributes of `<vitec-lead-form>`, as a framework's template types see them. */
export interface VitecLeadFormAttributes {
  /** What the form sends: `lead` (a general enquiry, Vitec's person lead), `interest` (interest in the listing of
`estate-id`), `viewing` (a viewing of it booked to one of its time slots) or `valuation` (a valuation request). */
  kind?: 'lead' | 'interest' | 'viewing' | 'valuation' | (string & {});
  /** The listing, Vitec's estate id, for `interest` and `viewing`. */
  'estate-id'?: string;
  /** The relay's base URL (`https://relay.example.se`): each kind posts to Vitec's own path under it. */
  relay?: string;
  /** The lead source (leadkälla) in the brokerage's Vitec setup, for `interest`, `viewing` and `valuation`. */
  'lead-source-id'?: string;
  /** The intake source (intagskälla) in the brokerage's Vitec setup, for `interest` and `valuation`. */
  'assignment-source-id'?: string;
  /** The Vitec user who receives a `valuation`. */
  'receiver-user-id'?: string;
  /** The status an `interest` gives the person on the listing: `Interested`, `VeryInterested`, `Assigned` or `NotInterested`. */
  'interest-status'?: string;
  /** A booked `viewing` is confirmed by e-mail (with neither this nor `confirm-by-sms`, as Vitec's settings say). */
  'confirm-by-email'?: boolean;
  /** A booked `viewing` is confirmed by text message. */
  'confirm-by-sms'?: boolean;
  /** Minutes before a booked `viewing` that Vitec reminds the visitor. */
  'reminder-minutes'?: number | string;
  /** URL a `lead` is POSTed to (instead of `relay`); `{customerId}` in it is replaced by `customer-id`. */
  endpoint?: string;
  /** The broker's Vitec customer id. */
  'customer-id'?: string;
  /** `leadSource.name`; defaults to the page's host name. */
  'lead-source-name'?: string;
  /** `leadSource.leadType`, sent as given. */
  'lead-type'?: string;
  /** `receiver.agent.id`. */
  'agent-id'?: string;
  /** `receiver.agent.email`. */
  'agent-email'?: string;
  /** `receiver.userGroup.id`. */
  'user-group-id'?: string;
  /** `receiver.office.id`. */
  'office-id'?: string;
  /** `receiver.office.customerId`. */
  'office-customer-id'?: string;
  /** The inputs to show, space-separated; `address`, `email` and `telephone` stand for their members. */
  fields?: string;
  /** The inputs that must be filled, space-separated. */
  required?: string;
  /** `sv` or `en`; defaults to the closest `lang` in the page, else `sv`. */
  lang?: 'sv' | 'en' | (string & {});
  /** Text to prefill the message box with. */
  message?: string;
  /** Milliseconds to wait for an answer before giving up. */
  timeout?: number | string;
  /** How the visit's campaign tags and referrer are remembered: `session`, `local` (30 days) or `none`. */
  attribution?: 'session' | 'local' | 'none';
  /** Click ids taken from the URL besides `utm_*`, space-separated. */
  'tracking-params'?: string;
  /** Link to the broker's privacy policy, shown in a sentence above the button. */
  'privacy-policy-url'?: string;
  /** Adds a consent checkbox that must be ticked; the lead's message then records the consent and its time. */
  'consent-required'?: boolean;
  /** The thank-you text instead of the built-in one; `{leadId}` in it is replaced by the lead id. */
  'success-message'?: string;
  /** A thank-you page to go to after sending, with the lead id added as the `leadId` query parameter. */
  'redirect-url'?: string;
  /** Milliseconds from showing the form to the earliest moment a lead is sent: a sooner submit is held until then (`vitec-lead-form-bot` says so). */
  'min-fill-time'?: number | string;
  /** Pushes submit, success and error events to `window.dataLayer` (form id and lead id only). */
  'data-layer'?: boolean;
  /** For CMS editors: the form validates and thanks, but nothing is sent and no endpoint is needed. */
  preview?: boolean;
  /** Keeps what is typed through a reload of the page, for the tab's session (`sessionStorage`). */
  'save-draft'?: boolean;
  /** An e-mail address the visitor is offered, with what they typed, when a lead cannot be sent. */
  'fallback-email'?: string;
  /** A phone number the visitor is offered when a lead cannot be sent. */
  'fallback-phone'?: string;
}
