/** What site owners ask for besides the lead, as pure rules: consent, a thank-you page, spam traps. */

/** The line a lead's message ends with when the visitor gave consent: what, when, and to which policy. */
export function consentLine(text: string, at: Date, policyUrl?: string): string {
  const time = at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `${text} ${time}${policyUrl ? ` (${policyUrl})` : ''}`;
}

/** The thank-you page with `leadId` added, or `undefined` for a URL that is not http(s). */
export function redirectTarget(url: string, leadId: string, base: string): string | undefined {
  try {
    const target = new URL(url, base);
    if (target.protocol !== 'https:' && target.protocol !== 'http:') return undefined;
    target.searchParams.set('leadId', leadId);
    return target.href;
  } catch {
    return undefined;
  }
}

/**
 * A bot fills the honeypot that people never see, or submits faster than a person can read the form.
 * Either way it is thanked and nothing is sent.
 */
export function looksLikeBot(honeypot: string, renderedAt: number, now: number, minFillMs: number): boolean {
  return honeypot !== '' || now - renderedAt < minFillMs;
}
