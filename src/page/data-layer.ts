/** `data-layer`: events for Google Tag Manager on `window.dataLayer`. */

export type DataLayerEvent = 'vitec_lead_form_submit' | 'vitec_lead_form_success' | 'vitec_lead_form_error';

/** Pushes an event: the form id and the lead id only, never personal data. */
export function pushDataLayer(event: DataLayerEvent, formId: string, leadId?: string): void {
  const w = window as unknown as { dataLayer?: unknown[] };
  (w.dataLayer ??= []).push({ event, formId, ...(leadId ? { leadId } : {}) });
}
