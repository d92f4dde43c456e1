/**
 * What the form needs only once the visitor acts: the check of its attributes, the schema and Zod, building and
 * validating the lead, sending (retry, idempotency, failure mapping, events, data layer). The entry file loads it at
 * the visitor's first focus or input in a form, and when the page is idle for a form in `preview`
 * (behaviour-loader.ts); the one-file build inlines it.
 */
import { kindDeps } from '../lead/kind-deps.js';
import { loadOnce } from '../page/load-once.js';

export { configErrorOf } from './config-check.js';
export { buildLead, validateForm } from '../lead/lead-payload.js';
export { getLeadSchema } from '../lead/lead-schema.js';
export { messagesOf } from '../lead/messages/texts.js';
export { LeadSender } from './lead-sender.js';

/**
 * The website kinds' body and its check (kind-behaviour.ts), for such a form only, handed the functions it takes from
 * this file (kind-deps.ts) as it arrives.
 */
export const kindBehaviour = loadOnce(
  () => import('./kind-behaviour.js'),
  (part) => part.provideKindDeps(kindDeps),
);
export { recheckField, rehearse, submitLead } from './submit-flow.js';
export {
  focusSummaryTarget,
  renderErrorSummary,
  renderSuccess,
  statesStyles,
  summaryItems,
} from './templates/states.js';
