/**
 * The submit sequence, in the lazily loaded part (behaviour.ts): validates, holds a too-fast submit (the bot rule),
 * fires the submit event, sends (or, in preview, only thanks), and hands the outcome to the submission
 * (submission.ts), which keeps what the view shows of it. Only a form the visitor acts on needs this code.
 */
import { leadConfigOf, webUrl } from '../lead/form-config.js';
import type { FieldName } from '../lead/fields.js';
import { buildLead, validateForm } from '../lead/lead-payload.js';
import { errorText, errorTexts, messagesOf } from '../lead/messages/texts.js';
import { consentLine, redirectTarget, suspectBot } from '../lead/site-rules.js';
import type { Messages } from '../lead/messages/index.js';
import { LeadBotEvent, LeadSubmitEvent } from './lead-events.js';
import type { Submission, SubmissionHost } from './submission.js';
import type { ErrorTarget } from './templates/form-templates.js';

function validate(host: SubmissionHost) {
  const policy = host.privacyPolicyUrl && webUrl(host.privacyPolicyUrl, location.href)?.href;
  const consent = host.consent ? consentLine(messagesOf(host.formLang).consentRecord, new Date(), policy) : undefined;
  const lead = buildLead(host.values, leadConfigOf(host, location.hostname), host.marketing, consent);
  return validateForm(lead, { required: host.requiredFields, shown: host.shown });
}

/** Checks one input again (after a blur, once submitted): a new error is shown, a fixed one marked fixed. */
export function recheckField(submission: Submission, host: SubmissionHost, field: FieldName): void {
  const result = validate(host);
  const code = result.success ? undefined : result.fieldErrors[field];
  const t = messagesOf(host.formLang);
  submission.setFieldError(field, code && errorText(t, code, field, result.success ? undefined : result.maxima[field]));
}

/** One submit, from validation to the thank-you, the errors or the failure; the behaviour is here. */
export async function submitLead(submission: Submission, host: SubmissionHost): Promise<void> {
  const t = messagesOf(host.formLang);
  const result = validate(host);
  const fieldErrors: Partial<Record<ErrorTarget, string>> = result.success
    ? {}
    : errorTexts(t, result.fieldErrors, result.maxima);
  if (host.consentRequired && !host.consent) fieldErrors.consent = t.consentRequired;
  if (!result.success || fieldErrors.consent) {
    submission.showErrors(fieldErrors, !result.success && result.formErrors.length ? [t.failed.invalid] : []);
    return submission.setStatus('idle', '');
  }
  // The honeypot: a bot fills it in.
  const trap = host.renderRoot.querySelector<HTMLInputElement>('input[name="website"]');
  const bot = suspectBot(trap?.value ?? '', host.shownAt, Date.now(), host.minFillTime);
  if (bot) host.dispatchEvent(new LeadBotEvent(bot));
  if (bot?.reason === 'honeypot') return finish(submission, t, '');
  if (bot) {
    // Held, with the usual "sending" state (which also ignores a second submit), then sent.
    submission.setStatus('sending', t.sendingStatus);
    await new Promise((resolve) => setTimeout(resolve, bot.holdMs));
  }
  const submit = new LeadSubmitEvent({ lead: result.lead });
  if (!host.dispatchEvent(submit)) return submission.setStatus('idle', '');
  const sender = host.lazy.sender!;
  sender.track(host.dataLayer, 'vitec_lead_form_submit');
  if (host.preview) return finish(submission, t, t.previewLeadId);
  submission.showErrors({}, []);
  host.focusAfterUpdate(undefined);
  submission.setStatus('sending', t.sendingStatus);
  const options = {
    endpoint: host.endpoint ?? '',
    customerId: host.customerId,
    timeoutMs: host.timeout,
    lang: host.formLang,
    messages: t,
    shown: host.shown,
  };
  const outcome = await sender.send(submit.detail.lead, options);
  if (outcome.kind === 'aborted') return;
  if (outcome.kind === 'failed') {
    if (outcome.invalid) submission.showErrors(outcome.failure.fieldErrors, outcome.failure.summary);
    submission.setStatus('failed', outcome.invalid ? '' : outcome.failure.message);
  } else if (outcome.kind === 'queued') finish(submission, t, '', outcome.receipt);
  else finish(submission, t, outcome.leadId);
  // A listener finds the element already in its new state.
  sender.announce(outcome, submit.detail.lead, host.dataLayer);
  const target =
    outcome.kind !== 'failed' &&
    host.redirectUrl &&
    (outcome.kind === 'sent'
      ? redirectTarget(host.redirectUrl, location.href, 'leadId', outcome.leadId)
      : redirectTarget(host.redirectUrl, location.href, 'receipt', outcome.receipt));
  if (target) location.assign(target);
}

/** The thank-you; an empty id for a suspected bot, which is thanked and sent nothing; a receipt for a queued lead. */
function finish(submission: Submission, t: Messages, leadId: string, receipt = '') {
  const text = receipt
    ? `${t.sentHeading} ${t.queuedBody} ${t.receipt(receipt)}`
    : leadId
      ? `${t.sentHeading} ${t.leadId(leadId)}`
      : t.sentHeading;
  submission.finish(leadId, receipt, text);
}
