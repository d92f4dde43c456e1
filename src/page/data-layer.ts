/** `data-layer`: events for Google Tag Manager on `window.dataLayer`. */

export type DataLayerEvent = 'vitec_lead_form_submit' | 'vitec_lead_form_success' | 'vitec_lead_form_error';

/**
 * Pushes an event: the form id and the lead id only, never personal data; for a lead the relay queued (Vitec could
 * not take it now, it will be delivered), `queued: true` and its receipt instead of a lead id.
 */
export function pushDataLayer(event: DataLayerEvent, formId: string, leadId?: string, receipt?: string): void {
  const w = window as unknown as { dataLayer?: unknown[] };
  (w.dataLayer ??= []).push({
    event,
    formId,
    ...(leadId ? { leadId } : {}),
    ...(receipt ? { queued: true, receipt } : {}),
  });
}
