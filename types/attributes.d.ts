// Written by `npm run build` from custom-elements.json (build/attribute-types.ts): do not edit by hand.

/** The attributes of `<vitec-lead-form>`, as a framework's template types see them. */
export interface VitecLeadFormAttributes {
  /** URL the lead is POSTed to; `{customerId}` in it is replaced by `customer-id`. */
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
