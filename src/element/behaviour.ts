/**
 * What the form needs only once the visitor acts: the schema and Zod, building and validating the lead,
 * sending (retry, idempotency, failure mapping, events, data layer). The entry file loads it at the
 * visitor's first focus or input in a form (behaviour-loader.ts); the one-file build inlines it.
 */
import { kindDeps } from '../lead/kind-deps.js';
import { loadOnce } from '../page/load-once.js';

export { buildLead, validateForm } from '../lead/lead-payload.js';
export { getLeadSchema } from '../lead/lead-schema.js';
export { messagesOf } from '../lead/messages/texts.js';
export { LeadSender } from './lead-sender.js';

const kindPart = loadOnce(() => import('./kind-behaviour.js'));
/** The part handed the functions it takes from this one (kind-deps.ts), before anyone can use it. */
const provided = <T extends typeof import('./kind-behaviour.js')>(part: T): T => (part.provideKindDeps(kindDeps), part);

/** The website kinds' body and its check (kind-behaviour.ts), for such a form only. */
export const kindBehaviour = {
  load: () => kindPart.load().then(provided),
  loaded: () => {
    const part = kindPart.loaded();
    return part && provided(part);
  },
};
export { recheckField, rehearse, submitLead } from './submit-flow.js';
export {
  focusSummaryTarget,
  renderErrorSummary,
  renderSuccess,
  statesStyles,
  summaryItems,
} from './templates/states.js';
