/**
 * The element's public attributes and properties, the part of its API a page configures it with, and when it first
 * draws. `VitecLeadFormElement` (lead-form.ts) extends this and is the view; custom-elements.json lists these
 * as its own.
 */
import { adoptStyles, LitElement, type PropertyDeclarations } from 'lit';
import { DEFAULT_FIELDS, DEFAULT_REQUIRED } from '../lead/field-list.js';
import type { FormMarketing } from '../lead/lead-schema.js';
import { DEFAULT_TRACKING_PARAMS } from '../lead/tracking-params.js';
import { hasLanguage, type Lang, loadLanguage, resolveLang } from '../lead/messages/index.js';
import { loadedVisitRecorder, loadVisitRecorder } from '../page/visit.js';
import { loadedKinds, loadKinds } from './kind-loader.js';
import { isWebsiteKind } from '../lead/lead-kinds.js';

export class LeadFormAttributes extends LitElement {
  // Declared in one static object rather than with Lit's decorators: the same reactive properties, without the
  // decorator helpers in the entry file (443 B gzip of what the page fetches before the form is drawn).
  static override properties: PropertyDeclarations = {
    kind: {},
    estateId: { attribute: 'estate-id' },
    relay: {},
    leadSourceId: { attribute: 'lead-source-id' },
    assignmentSourceId: { attribute: 'assignment-source-id' },
    receiverUserId: { attribute: 'receiver-user-id' },
    interestStatus: { attribute: 'interest-status' },
    confirmByEmail: { type: Boolean, attribute: 'confirm-by-email' },
    confirmBySms: { type: Boolean, attribute: 'confirm-by-sms' },
    reminderMinutes: { type: Number, attribute: 'reminder-minutes' },
    endpoint: {},
    customerId: { attribute: 'customer-id' },
    leadSourceName: { attribute: 'lead-source-name' },
    leadType: { attribute: 'lead-type' },
    agentId: { attribute: 'agent-id' },
    agentEmail: { attribute: 'agent-email' },
    userGroupId: { attribute: 'user-group-id' },
    officeId: { attribute: 'office-id' },
    officeCustomerId: { attribute: 'office-customer-id' },
    fields: {},
    required: {},
    language: { attribute: 'lang' },
    message: {},
    timeout: { type: Number },
    attribution: {},
    trackingParams: { attribute: 'tracking-params' },
    privacyPolicyUrl: { attribute: 'privacy-policy-url' },
    consentRequired: { type: Boolean, attribute: 'consent-required' },
    successMessage: { attribute: 'success-message' },
    redirectUrl: { attribute: 'redirect-url' },
    minFillTime: { type: Number, attribute: 'min-fill-time' },
    dataLayer: { type: Boolean, attribute: 'data-layer' },
    preview: { type: Boolean },
    saveDraft: { type: Boolean, attribute: 'save-draft' },
    fallbackEmail: { attribute: 'fallback-email' },
    fallbackPhone: { attribute: 'fallback-phone' },
  };
  /**
   * What the form sends: `lead` (a general enquiry, Vitec's person lead), `interest` (interest in the listing of
   * `estate-id`), `viewing` (a viewing of it booked to one of its time slots) or `valuation` (a valuation request).
   */
  kind: 'lead' | 'interest' | 'viewing' | 'valuation' | (string & {}) = 'lead';
  /** The listing, Vitec's estate id, for `interest` and `viewing`. */
  estateId?: string;
  /** The relay's base URL (`https://relay.example.se`): each kind posts to Vitec's own path under it. */
  relay?: string;
  /** The lead source (leadkälla) in the brokerage's Vitec setup, for `interest`, `viewing` and `valuation`. */
  leadSourceId?: string;
  /** The intake source (intagskälla) in the brokerage's Vitec setup, for `interest` and `valuation`. */
  assignmentSourceId?: string;
  /** The Vitec user who receives a `valuation`. */
  receiverUserId?: string;
  /** The status an `interest` gives the person on the listing: `Interested`, `VeryInterested`, `Assigned` or `NotInterested`. */
  interestStatus?: string;
  /** A booked `viewing` is confirmed by e-mail (with neither this nor `confirm-by-sms`, as Vitec's settings say). */
  confirmByEmail = false;
  /** A booked `viewing` is confirmed by text message. */
  confirmBySms = false;
  /** Minutes before a booked `viewing` that Vitec reminds the visitor. */
  reminderMinutes?: number;
  /** URL a `lead` is POSTed to (instead of `relay`); `{customerId}` in it is replaced by `customer-id`. */
  endpoint?: string;
  /** The broker's Vitec customer id. */
  customerId?: string;
  /** `leadSource.name`; defaults to the page's host name. */
  leadSourceName?: string;
  /** `leadSource.leadType`, sent as given. */
  leadType = 'AcceptObjectFlow';
  /** `receiver.agent.id`. */
  agentId?: string;
  /** `receiver.agent.email`. */
  agentEmail?: string;
  /** `receiver.userGroup.id`. */
  userGroupId?: string;
  /** `receiver.office.id`. */
  officeId?: string;
  /** `receiver.office.customerId`. */
  officeCustomerId?: string;
  /** The inputs to show, space-separated; `address`, `email` and `telephone` stand for their members. */
  fields = DEFAULT_FIELDS;
  /** The inputs that must be filled, space-separated. */
  required = DEFAULT_REQUIRED;
  /** `sv` or `en`; defaults to the closest `lang` in the page, else `sv`. */
  language?: 'sv' | 'en' | (string & {});
  /** Text to prefill the message box with. */
  message?: string;
  /** Milliseconds to wait for an answer before giving up. */
  timeout = 15_000;
  /** How the visit's campaign tags and referrer are remembered: `session`, `local` (30 days) or `none`. */
  attribution: 'session' | 'local' | 'none' = 'session';
  /** Click ids taken from the URL besides `utm_*`, space-separated. */
  trackingParams = DEFAULT_TRACKING_PARAMS.join(' ');
  /** Link to the broker's privacy policy, shown in a sentence above the button. */
  privacyPolicyUrl?: string;
  /** Adds a consent checkbox that must be ticked; the lead's message then records the consent and its time. */
  consentRequired = false;
  /** The thank-you text instead of the built-in one; `{leadId}` in it is replaced by the lead id. */
  successMessage?: string;
  /** A thank-you page to go to after sending, with the lead id added as the `leadId` query parameter. */
  redirectUrl?: string;
  /** Milliseconds from showing the form to the earliest moment a lead is sent: a sooner submit is held until then (`vitec-lead-form-bot` says so). */
  minFillTime = 2000;
  /** Pushes submit, success and error events to `window.dataLayer` (form id and lead id only). */
  dataLayer = false;
  /** For CMS editors: the form validates and thanks, but nothing is sent and no endpoint is needed. */
  preview = false;
  /** Keeps what is typed through a reload of the page, for the tab's session (`sessionStorage`). */
  saveDraft = false;
  /** An e-mail address the visitor is offered, with what they typed, when a lead cannot be sent. */
  fallbackEmail?: string;
  /** A phone number the visitor is offered when a lead cannot be sent. */
  fallbackPhone?: string;
  /** @internal The language the form speaks: its `lang`, or the nearest one around it. */
  get formLang(): Lang {
    return resolveLang(this.language || this.parentElement?.closest('[lang]')?.getAttribute('lang'));
  }

  /**
   * The shadow root, its stylesheet not yet adopted: the upgrade (in the script's evaluation) then changes nothing the
   * page draws, so that the browser draws no frame of the restyled, empty element between it and the first render,
   * which would come one frame later.
   */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    return this.shadowRoot ?? this.attachShadow((this.constructor as typeof LitElement).shadowRootOptions);
  }

  /**
   * The first render in a task of its own, after the script's evaluation and the upgrade (two short tasks, not one),
   * with the stylesheet adopted as it begins (before anything adopts more: the kinds' and the states' sheets); and a
   * render in a language whose texts are not here yet (only Swedish is in the entry) waits for them, so that an
   * English form never shows a Swedish word. A language that cannot be loaded leaves the form in Swedish.
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated) {
      await new Promise((resolve) => setTimeout(resolve));
      adoptStyles(this.renderRoot as ShadowRoot, (this.constructor as typeof LitElement).elementStyles);
    }
    if (!hasLanguage(this.formLang)) await loadLanguage(this.formLang).catch(() => undefined);
    // The website kinds' forms and texts are a chunk of their own, here before such a form draws (kind-loader.ts).
    if (isWebsiteKind(this.kind) && !loadedKinds()) await loadKinds().catch(() => undefined);
    super.scheduleUpdate();
  }

  private kept?: { marketing: FormMarketing | undefined };
  /**
   * What will be sent as the lead's `marketing`: the visit's attribution (this page view's tags and referrer, recorded
   * when the page is idle, with what the visit remembered from earlier pages), taken when this is first read; read,
   * extend or replace it. Undefined until the recording's chunk is here (fetched at idle on a page view that brings
   * the visit something new, at the visitor's first focus in the form, or when this is first read): `await form.visitRecorded` first. A lead always has it: a
   * submit waits for the chunk.
   */
  get marketing(): FormMarketing | undefined {
    const recorder = loadedVisitRecorder();
    if (!this.kept && recorder) this.kept = { marketing: recorder.recordPageVisit(this) };
    else if (!this.kept) this.visitRecorded.catch(() => undefined);
    return this.kept?.marketing;
  }
  set marketing(value: FormMarketing | undefined) {
    this.kept = { marketing: value };
  }

  /** Resolves to `marketing` once the visit is recorded: at once when it is; rejects when its chunk cannot load. */
  get visitRecorded(): Promise<FormMarketing | undefined> {
    return loadVisitRecorder().then(() => this.marketing);
  }
}
