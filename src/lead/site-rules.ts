/** What site owners ask for besides the lead, as pure rules: consent, a thank-you page, spam traps. */
import { webUrl } from './form-config.js';
import { FIELD_NAMES } from './fields.js';

/** The line a lead's message ends with when the visitor gave consent: what, when, and to which policy. */
export function consentLine(text: string, at: Date, policyUrl?: string): string {
  const time = at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `${text} ${time}${policyUrl ? ` (${policyUrl})` : ''}`;
}

/**
 * The thank-you page with `leadId` added (or `receipt`, for a lead the relay queued), or `undefined` for a URL that
 * is not http(s).
 */
export function redirectTarget(
  url: string,
  base: string,
  name: 'leadId' | 'receipt',
  value: string,
): string | undefined {
  const target = webUrl(url, base);
  target?.searchParams.set(name, value);
  return target?.href;
}

/** Why a submit looks like a bot's: what the `vitec-lead-form-bot` event says. */
export type BotSuspicion = { readonly reason: 'honeypot' } | { readonly reason: 'too-fast'; readonly holdMs: number };

/**
 * A bot fills the honeypot that people never see: it is thanked and nothing is sent. A submit sooner
 * than `minFillMs` after the form appeared may be a bot's, or a person's with autofill: it is held until
 * that time has passed and then sent, so that no person is ever thanked for a lead that was not sent.
 */
export function suspectBot(
  honeypot: string,
  renderedAt: number,
  now: number,
  minFillMs: number,
): BotSuspicion | undefined {
  if (honeypot !== '') return { reason: 'honeypot' };
  const holdMs = renderedAt + minFillMs - now;
  return holdMs > 0 ? { reason: 'too-fast', holdMs } : undefined;
}

/** A mailto URL must stay short enough for every mail program: about 2,000 characters in all. */
const MAILTO_BODY_MAX = 1500;

/**
 * A `mailto:` link to `email` whose subject and body carry what the visitor typed (name, contact details,
 * address, message), so that a lead that cannot be sent can still reach the broker. Never the
 * personnummer: an e-mail is no place for it.
 */
export function fallbackMailto(
  email: string,
  subject: string,
  values: Readonly<Record<string, string | boolean | undefined>>,
  labels: Readonly<Record<string, string>>,
): string {
  const lines: string[] = [];
  // In the form's order, whatever order the visitor typed in.
  for (const field of FIELD_NAMES) {
    const value = values[field];
    if (field === 'socialSecurityNumber' || field === 'message') continue;
    if (typeof value === 'string' && value.trim()) lines.push(`${labels[field] ?? field}: ${value.trim()}`);
  }
  const message = typeof values.message === 'string' ? values.message.trim() : '';
  let body = lines.join('\n');
  if (message) body += `\n\n${message}`;
  if (body.length > MAILTO_BODY_MAX) body = `${body.slice(0, MAILTO_BODY_MAX - 1)}…`;
  return `mailto:${encodeURIComponent(email.trim()).replace('%40', '@')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

/** A `tel:` link for a phone number as people write it ("08-123 456 78"). */
export function telLink(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
