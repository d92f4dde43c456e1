/**
 * The element's public attributes and properties, the part of its API a page configures it with, and when it first
 * draws. `VitecLeadFormElement` (lead-form.ts) extends this and is the view; custom-elements.json lists these
 * as its own.
 */
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { DEFAULT_FIELDS, DEFAULT_REQUIRED } from '../lead/field-list.js';
import type { FormMarketing } from '../lead/lead-schema.js';
import { DEFAULT_TRACKING_PARAMS } from '../lead/marketing.js';
import { hasLanguage, type Lang, loadLanguage, resolveLang } from '../lead/messages/index.js';
import { recordPageVisit } from '../page/visit.js';

export class LeadFormAttributes extends LitElement {
  /** URL the lead is POSTed to; `{customerId}` in it is replaced by `customer-id`. */
  @property() endpoint?: string;
  /** The broker's Vitec customer id. */
  @property({ attribute: 'customer-id' }) customerId?: string;
  /** `leadSource.name`; defaults to the page's host name. */
  @property({ attribute: 'lead-source-name' }) leadSourceName?: string;
  /** `leadSource.leadType`, sent as given. */
  @property({ attribute: 'lead-type' }) leadType = 'AcceptObjectFlow';
  /** `receiver.agent.id`. */
  @property({ attribute: 'agent-id' }) agentId?: string;
  /** `receiver.agent.email`. */
  @property({ attribute: 'agent-email' }) agentEmail?: string;
  /** `receiver.userGroup.id`. */
  @property({ attribute: 'user-group-id' }) userGroupId?: string;
  /** `receiver.office.id`. */
  @property({ attribute: 'office-id' }) officeId?: string;
  /** `receiver.office.customerId`. */
  @property({ attribute: 'office-customer-id' }) officeCustomerId?: string;
  /** The inputs to show, space-separated; `address`, `email` and `telephone` stand for their members. */
  @property() fields = DEFAULT_FIELDS;
  /** The inputs that must be filled, space-separated. */
  @property() required = DEFAULT_REQUIRED;
  /** `sv` or `en`; defaults to the closest `lang` in the page, else `sv`. */
  @property({ attribute: 'lang' }) language?: 'sv' | 'en' | (string & {});
  /** Text to prefill the message box with. */
  @property() message?: string;
  /** Milliseconds to wait for an answer before giving up. */
  @property({ type: Number }) timeout = 15_000;
  /** How the visit's campaign tags and referrer are remembered: `session`, `local` (30 days) or `none`. */
  @property() attribution: 'session' | 'local' | 'none' = 'session';
  /** Click ids taken from the URL besides `utm_*`, space-separated. */
  @property({ attribute: 'tracking-params' }) trackingParams = DEFAULT_TRACKING_PARAMS.join(' ');
  /** Link to the broker's privacy policy, shown in a sentence above the button. */
  @property({ attribute: 'privacy-policy-url' }) privacyPolicyUrl?: string;
  /** Adds a consent checkbox that must be ticked; the lead's message then records the consent and its time. */
  @property({ type: Boolean, attribute: 'consent-required' }) consentRequired = false;
  /** The thank-you text instead of the built-in one; `{leadId}` in it is replaced by the lead id. */
  @property({ attribute: 'success-message' }) successMessage?: string;
  /** A thank-you page to go to after sending, with the lead id added as the `leadId` query parameter. */
  @property({ attribute: 'redirect-url' }) redirectUrl?: string;
  /** Milliseconds from showing the form to the earliest moment a lead is sent: a sooner submit is held until then (`vitec-lead-form-bot` says so). */
  @property({ type: Number, attribute: 'min-fill-time' }) minFillTime = 2000;
  /** Pushes submit, success and error events to `window.dataLayer` (form id and lead id only). */
  @property({ type: Boolean, attribute: 'data-layer' }) dataLayer = false;
  /** For CMS editors: the form validates and thanks, but nothing is sent and no endpoint is needed. */
  @property({ type: Boolean }) preview = false;
  /** Keeps what is typed through a reload of the page, for the tab's session (`sessionStorage`). */
  @property({ type: Boolean, attribute: 'save-draft' }) saveDraft = false;
  /** An e-mail address the visitor is offered, with what they typed, when a lead cannot be sent. */
  @property({ attribute: 'fallback-email' }) fallbackEmail?: string;
  /** A phone number the visitor is offered when a lead cannot be sent. */
  @property({ attribute: 'fallback-phone' }) fallbackPhone?: string;
  /** @internal The language the form speaks: its `lang`, or the nearest one around it. */
  get formLang(): Lang {
    return resolveLang(this.language || this.parentElement?.closest('[lang]')?.getAttribute('lang'));
  }

  /**
   * The first render in a task of its own, after the script's evaluation and the upgrade (two short tasks, not one);
   * and a render in a language whose texts are not here yet (only Swedish is in the entry) waits for them, so that an
   * English form never shows a Swedish word. A language that cannot be loaded leaves the form in Swedish.
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated) await new Promise((resolve) => setTimeout(resolve));
    if (!hasLanguage(this.formLang)) await loadLanguage(this.formLang).catch(() => undefined);
    super.scheduleUpdate();
  }

  private kept?: { marketing: FormMarketing | undefined };
  /**
   * What will be sent as the lead's `marketing`: the visit's attribution, recorded when the page is idle, or at once
   * when read before that; read, extend or replace it.
   */
  get marketing(): FormMarketing | undefined {
    return (this.kept ??= { marketing: recordPageVisit(this) }).marketing;
  }
  set marketing(value: FormMarketing | undefined) {
    this.kept = { marketing: value };
  }
}
