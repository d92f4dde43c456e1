/** Browser entry: defines `<vitec-lead-form>` and exports its public types. */
import { defineLeadForm } from './define.js';

defineLeadForm();

export { VitecLeadFormElement } from './lead-form.js';
export { LeadErrorEvent, LeadSubmitEvent, LeadSuccessEvent } from './lead-events.js';
export type { LeadErrorDetail, LeadSubmitDetail, LeadSuccessDetail } from './lead-events.js';
export type { FieldName, FormMarketing, PublicAdvertisingPersonLead, Person, Receiver, UtmTag } from './lead-schema.js';
