/** Browser entry: records the visit's attribution, defines `<vitec-lead-form>`, exports its public types. */
import { defineLeadForm } from './element/define.js';
import {
  loadedVisitRecorder,
  loadVisitRecorder,
  mayBringNewTouch,
  pageAttributionSettings,
  whenIdle,
} from './page/visit.js';

// A page view that brings the visit a campaign (tags in its URL) or another site (the referrer) is recorded, so that a
// visitor who lands on a campaign page and sends the form from another keeps the campaign: when the browser is idle,
// with the recording's chunk fetched then, not in the task that draws the form (a form sent before that records it as
// it builds the lead). Other page views have nothing to record: a lead sent from them reads the visit's memory as it
// is built. A site that keeps the visit 30 days (`local`, with the visitor's consent) has it forgotten on the first page
// view after them, so its recording runs on every page view. The settings are read now, before any form is upgraded.
const settings = pageAttributionSettings(document);
if (mayBringNewTouch(location.href, document.referrer) || settings.attribution === 'local')
  whenIdle(() =>
    loadVisitRecorder().then(
      (recorder) => recorder.recordPageVisit(settings),
      () => undefined,
    ),
  );
// A visitor who leaves after the chunk came but before the page was idle (a busy page) still leaves it recorded.
addEventListener('pagehide', () => loadedVisitRecorder()?.recordPageVisit(settings), { once: true });

defineLeadForm();

export { VitecLeadFormElement } from './element/lead-form.js';
export { LeadBotEvent, LeadErrorEvent, LeadSubmitEvent, LeadSuccessEvent } from './element/lead-events.js';
export type { LeadBotDetail, LeadErrorDetail, LeadSubmitDetail, LeadSuccessDetail } from './element/lead-events.js';
export type { FieldName } from './lead/fields.js';
export type { FormMarketing, PublicAdvertisingPersonLead, Person, Receiver, UtmTag } from './lead/lead-schema.js';
