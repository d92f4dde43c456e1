/** Browser entry: records the visit's attribution, defines `<vitec-lead-form>`, exports its public types. */
import { defineLeadForm } from './element/define.js';
import { parseAttributionMode, parseTrackingParams } from './lead/marketing.js';
import { recordPageVisit } from './page/visit.js';

// Every page that loads the script records the visit, so a visitor who lands on a campaign page and
// sends the form from another keeps the campaign. The first form on the page, or the script tag's
// data-attribution and data-tracking-params, say how.
const settings = document.querySelector('vitec-lead-form, script[data-attribution], script[data-tracking-params]');
const attr = (name: string) => settings?.getAttribute(settings.localName === 'script' ? `data-${name}` : name);
recordPageVisit(parseAttributionMode(attr('attribution')), parseTrackingParams(attr('tracking-params')));

defineLeadForm();

export { VitecLeadFormElement } from './element/lead-form.js';
export { LeadBotEvent, LeadErrorEvent, LeadSubmitEvent, LeadSuccessEvent } from './element/lead-events.js';
export type { LeadBotDetail, LeadErrorDetail, LeadSubmitDetail, LeadSuccessDetail } from './element/lead-events.js';
export type { FieldName } from './lead/fields.js';
export type { FormMarketing, PublicAdvertisingPersonLead, Person, Receiver, UtmTag } from './lead/lead-schema.js';
