/** What site owners ask for besides the lead: consent, a thank-you page, analytics, spam traps. */

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

export type DataLayerEvent = 'vitec_lead_form_submit' | 'vitec_lead_form_success' | 'vitec_lead_form_error';

/** Pushes an event for Google Tag Manager: the form id and the lead id only, never personal data. */
export function pushDataLayer(event: DataLayerEvent, formId: string, leadId?: string): void {
  const w = window as unknown as { dataLayer?: unknown[] };
  (w.dataLayer ??= []).push({ event, formId, ...(leadId ? { leadId } : {}) });
}

/**
 * A bot fills the honeypot that people never see, or submits faster than a person can read the form.
 * Either way it is thanked and nothing is sent.
 */
export function looksLikeBot(honeypot: string, renderedAt: number, now: number, minFillMs: number): boolean {
  return honeypot !== '' || now - renderedAt < minFillMs;
}
