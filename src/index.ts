/** Browser entry: records the visit's attribution, defines `<vitec-lead-form>`, exports its public types. */
import { defineLeadForm } from './element/define.js';
import { pageAttributionSettings, recordPageVisit, whenIdle } from './page/visit.js';

// Every page that loads the script records the visit, so a visitor who lands on a campaign page and sends the form
// from another keeps the campaign: when the browser is idle, not in the task that draws the form (a form sent before
// that records it as it builds the lead). The settings are read now, before any form is upgraded.
const settings = pageAttributionSettings(document);
const record = () => recordPageVisit(settings);
whenIdle(record);
// A visitor who leaves before the browser was idle (a busy page) still leaves the visit recorded.
addEventListener('pagehide', record, { once: true });

defineLeadForm();

export { VitecLeadFormElement } from './element/lead-form.js';
export { LeadBotEvent, LeadErrorEvent, LeadSubmitEvent, LeadSuccessEvent } from './element/lead-events.js';
export type { LeadBotDetail, LeadErrorDetail, LeadSubmitDetail, LeadSuccessDetail } from './element/lead-events.js';
export type { FieldName } from './lead/fields.js';
export type { FormMarketing, PublicAdvertisingPersonLead, Person, Receiver, UtmTag } from './lead/lead-schema.js';
