/**
 * Sending, as a Lit reactive controller in the lazily loaded part: one idempotency key per lead (the same for
 * every retry of it), an abort when the element leaves the page, the endpoint's `{customerId}`, the automatic
 * retry, a failure turned into what the visitor sees and what the console tells the site's developer, and the
 * page's events and data layer once the submission (submission.ts) has shown the outcome.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type DataLayerEvent, pushDataLayer } from '../page/data-layer.js';
import { describeFailure, type Failure } from '../lead/failure.js';
import { type KindAndLead, LeadErrorEvent, LeadSuccessEvent } from './lead-events.js';
import type { FieldName } from '../lead/fields.js';
import type { Messages } from '../lead/messages/index.js';
import { newIdempotencyKey, postLeadWithRetry } from '../lead/post-lead.js';
import { leadUrl } from '../lead/vitec-protocol.js';

export type SendOutcome =
  | { kind: 'sent'; leadId: string; contactId?: string }
  /** The relay kept the lead (Vitec could not take it now) and will deliver it: a success with a receipt. */
  | { kind: 'queued'; receipt: string }
  | { kind: 'failed'; invalid: boolean; failure: Failure; status: number }
  | { kind: 'aborted' };

export interface SendOptions {
  /** The endpoint, with `{customerId}` where the customer id goes. */
  endpoint: string;
  customerId?: string;
  timeoutMs: number;
  /** Sent as `Accept-Language`. */
  lang: string;
  messages: Messages;
  /** The inputs shown, where the server's field errors can go (and a booking's time slot). */
  shown: readonly (FieldName | 'timeSlot')[];
  /** What a success carries (post-lead.ts): the person lead's id by default. */
  success?: 'leadId' | 'empty' | 'contactId';
  /** Reads an error body's key, for another kind than the person lead (lead-kinds.ts). */
  fieldOf?: (key: string) => FieldName | 'timeSlot' | undefined;
}

export class LeadSender implements ReactiveController {
  private idempotency?: { body: string; key: string };
  private abort?: AbortController;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.abort?.abort();
  }

  /** The next lead is a new one, with a new key. */
  forget(): void {
    this.idempotency = undefined;
  }

  /** Pushes `event` to the page's data layer when the form has `data-layer`. */
  track(enabled: boolean, event: DataLayerEvent, leadId?: string): void {
    if (enabled) pushDataLayer(event, this.host.id, leadId);
  }

  /** Sends the lead, retrying once where that can help; says what came of it. */
  async send(lead: unknown, options: SendOptions): Promise<SendOutcome> {
    const body = JSON.stringify(lead);
    // One key per lead: a retry of the same lead reuses it, so a relay can answer it without a second lead.
    if (this.idempotency?.body !== body) this.idempotency = { body, key: newIdempotencyKey() };
    this.abort = new AbortController();
    const url = leadUrl(options.endpoint, options.customerId);
    const result = await postLeadWithRetry(url, lead, {
      timeoutMs: options.timeoutMs,
      idempotencyKey: this.idempotency.key,
      lang: options.lang,
      signal: this.abort.signal,
      ...(options.success ? { success: options.success } : {}),
    });
    if (result.kind === 'aborted') return { kind: 'aborted' };
    if (result.kind === 'success') {
      this.forget();
      return { kind: 'sent', leadId: result.leadId, ...(result.contactId ? { contactId: result.contactId } : {}) };
    }
    if (result.kind === 'queued') {
      this.forget();
      return { kind: 'queued', receipt: result.receipt };
    }
    // A refusal (any 4xx, or Vitec refusing the relay) created no lead: the next try of the same lead gets
    // a new key, or the relay would replay the stored refusal for a day. Only an uncertain outcome (no
    // answer, a 5xx) keeps the key, so that a retry cannot make a second lead.
    if (['invalid', 'auth', 'rate-limit', 'unexpected'].includes(result.kind)) this.forget();
    const failure = describeFailure(result, options.messages, options.shown, location.origin, options.fieldOf);
    if (failure.developerNote)
      console.error(
        `<vitec-lead-form>: ${options.endpoint} ${failure.developerNote}`,
        'body' in result ? result.body : '',
      );
    return { kind: 'failed', invalid: result.kind === 'invalid', failure, status: result.status };
  }

  /** Tells the page what came of a send: the success or error event, and the data layer. */
  announce(outcome: Exclude<SendOutcome, { kind: 'aborted' }>, sent: KindAndLead, dataLayer: boolean): void {
    if (outcome.kind === 'sent') {
      const { leadId, contactId } = outcome;
      this.host.dispatchEvent(new LeadSuccessEvent({ ...sent, leadId, ...(contactId ? { contactId } : {}) }));
      return this.track(dataLayer, 'vitec_lead_form_success', outcome.leadId || undefined);
    }
    if (outcome.kind === 'queued') {
      this.host.dispatchEvent(new LeadSuccessEvent({ ...sent, queued: true, receipt: outcome.receipt }));
      if (dataLayer) pushDataLayer('vitec_lead_form_success', this.host.id, undefined, outcome.receipt);
      return;
    }
    const { message, fieldErrors } = outcome.failure;
    this.host.dispatchEvent(new LeadErrorEvent({ status: outcome.status, message, fieldErrors }));
    this.track(dataLayer, 'vitec_lead_form_error');
  }
}
