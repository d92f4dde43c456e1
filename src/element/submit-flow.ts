/**
 * The submit sequence, in the lazily loaded part (behaviour.ts): validates, holds a too-fast submit (the bot rule),
 * fires the submit event, sends (or, in preview, only thanks), and hands the outcome to the submission
 * (submission.ts), which keeps what the view shows of it. Only a form the visitor acts on needs this code.
 */
import type { FieldName } from '../lead/fields.js';
import { buildLead, type FormValidation, leadConfigOf, validateForm } from '../lead/lead-payload.js';
import { webUrl } from '../lead/web-url.js';
import type { FormMarketing } from '../lead/lead-schema.js';
import { errorText, errorTexts, messagesOf } from '../lead/messages/texts.js';
import { consentLine, redirectTarget, suspectBot } from '../lead/site-rules.js';
import type { Messages } from '../lead/messages/index.js';
import { formEndpoint, type WebsiteKind } from '../lead/lead-kinds.js';
import type { KindView } from './kinds.js';
import { type KindAndLead, LeadBotEvent, LeadSubmitEvent } from './lead-events.js';
import type { Submission, SubmissionHost } from './submission.js';
import type { ErrorTarget } from './templates/form-templates.js';

/**
 * Checks what was typed first without the visit's attribution, and reads that (from storage, which costs a page's
 * first access milliseconds) only for a form that is otherwise ready to send: an empty or wrong submit shows its
 * errors without it, and the lead that is sent is checked again with it (a page may have set `marketing` itself).
 */
function withMarketing<T>(host: SubmissionHost, check: (marketing: FormMarketing | undefined) => FormValidation<T>) {
  const result = check(undefined);
  const marketing = result.success ? host.marketing : undefined;
  return marketing ? check(marketing) : result;
}

/** The lead (or a website kind's body) from what was typed, checked; and whether a booking's slot is missing. */
function validate(host: SubmissionHost) {
  const rules = { required: host.requiredFields, shown: host.shown };
  const view = host.kindView;
  if (view) {
    // A website kind's form has its part of the behaviour whenever the behaviour is here (behaviour-loader.ts, now).
    const kinds = host.lazy.kindBehaviour!;
    const kind = view.kind;
    const config = view.config();
    const consentAt = host.consent ? new Date() : undefined;
    const result = withMarketing(host, (marketing) =>
      kinds.validateKindForm(
        kind,
        kinds.buildKindBody(kind, host.values, config, marketing, consentAt),
        { ...rules, skip: ['timeSlotId'] },
        config.inputs,
      ),
    );
    return { kind, result, slotMissing: kind === 'viewing' && !config.timeSlotId };
  }
  const policy = host.privacyPolicyUrl && webUrl(host.privacyPolicyUrl, location.href)?.href;
  const consent = host.consent ? consentLine(messagesOf(host.formLang).consentRecord, new Date(), policy) : undefined;
  const config = leadConfigOf(host, location.hostname);
  const result = withMarketing(host, (marketing) =>
    validateForm(buildLead(host.values, config, marketing, consent), rules),
  );
  return { kind: 'lead' as const, result, slotMissing: false };
}

/**
 * Checks what is typed once and shows nothing: run when the page is idle after the behaviour arrived, so that the
 * visitor's first submit finds the check's code compiled and warm (V8 compiles a function at its first call).
 */
export function rehearse(host: SubmissionHost): void {
  validate(host);
}

/** Checks one input again (after a blur, once submitted): a new error is shown, a fixed one marked fixed. */
export function recheckField(submission: Submission, host: SubmissionHost, field: FieldName): void {
  const { result } = validate(host);
  const code = result.success ? undefined : result.fieldErrors[field];
  const t = messagesOf(host.formLang);
  submission.setFieldError(field, code && errorText(t, code, field, result.success ? undefined : result.maxima[field]));
}

/** One submit, from validation to the thank-you, the errors or the failure; the behaviour is here. */
export async function submitLead(submission: Submission, host: SubmissionHost): Promise<void> {
  const t = messagesOf(host.formLang);
  const view = host.kindView;
  const { kind, result, slotMissing } = validate(host);
  const fieldErrors: Partial<Record<ErrorTarget, string>> = result.success
    ? {}
    : errorTexts(t, result.fieldErrors, result.maxima);
  if (slotMissing && view) fieldErrors.timeSlot = view.texts.slotRequired;
  if (host.consentRequired && !host.consent) fieldErrors.consent = t.consentRequired;
  if (!result.success || fieldErrors.consent || fieldErrors.timeSlot) {
    submission.showErrors(fieldErrors, !result.success && result.formErrors.length ? [t.failed.invalid] : []);
    return submission.setStatus('idle', '');
  }
  // The honeypot: a bot fills it in.
  const trap = host.renderRoot.querySelector<HTMLInputElement>('input[name="website"]');
  const bot = suspectBot(trap?.value ?? '', host.shownAt, Date.now(), host.minFillTime);
  if (bot) host.dispatchEvent(new LeadBotEvent(bot));
  if (bot?.reason === 'honeypot') return finish(submission, t, '', '', view);
  if (bot) {
    // Held, with the usual "sending" state (which also ignores a second submit), then sent.
    submission.setStatus('sending', t.sendingStatus);
    await new Promise((resolve) => setTimeout(resolve, bot.holdMs));
  }
  const submit = new LeadSubmitEvent({ kind, lead: result.lead } as KindAndLead);
  if (!host.dispatchEvent(submit)) return submission.setStatus('idle', '');
  const sender = host.lazy.sender!;
  sender.track(host.dataLayer, 'vitec_lead_form_submit');
  if (host.preview) {
    view?.sent();
    return finish(submission, t, view ? '' : t.previewLeadId, '', view);
  }
  submission.showErrors({}, []);
  host.focusAfterUpdate(undefined);
  submission.setStatus('sending', t.sendingStatus);
  const options = {
    endpoint: formEndpoint(kind, host) ?? '',
    customerId: host.customerId,
    timeoutMs: host.timeout,
    lang: host.formLang,
    messages: t,
    shown: view ? ['timeSlot' as const, ...host.shown] : host.shown,
    ...(view
      ? {
          success: kind === 'interest' ? ('empty' as const) : ('contactId' as const),
          fieldOf: (key: string) => host.lazy.kindBehaviour!.kindFieldOfKey(kind as WebsiteKind, view.inputs, key),
        }
      : {}),
  };
  const outcome = await sender.send(submit.detail.lead, options);
  if (outcome.kind === 'aborted') return;
  if (outcome.kind === 'failed') {
    const { fieldErrors: refused, summary } = outcome.failure;
    // The chosen slot filled up meanwhile: said in the form's words, and the slots read again.
    if (refused.timeSlot && view) {
      refused.timeSlot = view.texts.slotFull;
      view.slotRefused();
    }
    if (outcome.invalid) submission.showErrors(refused, summary);
    submission.setStatus('failed', outcome.invalid ? '' : outcome.failure.message);
  } else {
    view?.sent();
    if (outcome.kind === 'queued') finish(submission, t, '', outcome.receipt, view);
    else finish(submission, t, outcome.leadId, '', view);
  }
  // A listener finds the element already in its new state.
  sender.announce(outcome, submit.detail, host.dataLayer);
  const target =
    outcome.kind !== 'failed' &&
    host.redirectUrl &&
    (outcome.kind === 'queued'
      ? redirectTarget(host.redirectUrl, location.href, 'receipt', outcome.receipt)
      : outcome.contactId
        ? redirectTarget(host.redirectUrl, location.href, 'contactId', outcome.contactId)
        : redirectTarget(host.redirectUrl, location.href, 'leadId', outcome.leadId));
  if (target) location.assign(target);
}

/**
 * The thank-you; an empty id for a suspected bot, which is thanked and sent nothing; a receipt for a queued lead; a
 * website kind's own words.
 */
function finish(submission: Submission, t: Messages, leadId: string, receipt = '', view?: KindView) {
  const thanks = view?.thanks();
  const heading = thanks?.heading ?? t.sentHeading;
  const text = receipt
    ? `${heading} ${t.queuedBody} ${t.receipt(receipt)}`
    : thanks
      ? `${heading} ${thanks.body}`
      : leadId
        ? `${heading} ${t.leadId(leadId)}`
        : heading;
  submission.finish(leadId, receipt, text);
}
