/**
 * What site owners ask for besides the lead, as pure rules: consent, a thank-you page, spam traps (in the lazily loaded
 * part); the fallback links a failure offers are in fallback-links.ts, with the form as first drawn.
 */
import { webUrl } from './web-url.js';

/** The line a lead's message ends with when the visitor gave consent: what, when, and to which policy. */
export function consentLine(text: string, at: Date, policyUrl?: string): string {
  const time = at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `${text} ${time}${policyUrl ? ` (${policyUrl})` : ''}`;
}

/**
 * The thank-you page with `leadId` added (or `receipt`, for a lead the relay queued; `contactId` for a booking or a
 * valuation; nothing for an interest, which gets no id), or `undefined` for a URL that is not http(s).
 */
export function redirectTarget(
  url: string,
  base: string,
  name: 'leadId' | 'receipt' | 'contactId',
  value: string,
): string | undefined {
  const target = webUrl(url, base);
  if (value) target?.searchParams.set(name, value);
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
