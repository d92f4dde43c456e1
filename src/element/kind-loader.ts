/**
 * Loads the website kinds' part of the form (kinds.ts: the interest, booking and valuation forms, their texts and
 * styles), once, for every such form on the page, before the first of them draws; a lead form never loads it. A
 * failed load is forgotten, so that the next form tries again (a form drawn without it says it cannot be used).
 */
import { isWebsiteKind } from '../lead/lead-kinds.js';
import { loadOnce } from '../page/load-once.js';
import { ownKindTextsOf } from '../lead/messages/index.js';
import type { LeadFormAttributes } from './lead-form-attributes.js';
import type { KindView } from './kinds.js';

export type Kinds = typeof import('./kinds.js');

const kindsPart = loadOnce(() => import('./kinds.js'));
export const loadKinds = kindsPart.load;
/** The kinds' part if it has arrived, without waiting. */
export const loadedKinds = kindsPart.loaded;

/**
 * The `KindView` (kinds.ts) for a form's kind now: made once the kinds' part is here, started again when the kind or
 * the estate changed, gone (with its controller) for a lead form.
 */
export function kindViewFor(
  host: LeadFormAttributes,
  view: KindView | undefined,
  changed: boolean,
): KindView | undefined {
  const kinds = isWebsiteKind(host.kind) ? loadedKinds() : undefined;
  if (!kinds) {
    if (view) host.removeController(view);
    return undefined;
  }
  if (!view) return new kinds.KindView(host, ownKindTextsOf);
  if (changed) view.restart();
  return view;
}
