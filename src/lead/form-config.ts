/**
 * Whether the element's attributes can work: pure, for the check of the attributes (config-check.ts, in the lazily
 * loaded behaviour) and the tests.
 */
import type { FieldList } from './field-list.js';
import type { ConfigTexts } from './messages/index.js';
import { formEndpoint, isLeadKind, needsEstate, VITEC_ID } from './lead-kinds.js';
import { leadUrl, needsCustomerId } from './vitec-protocol.js';
import { webUrl } from './web-url.js';

export interface ConfigAttributes {
  /** The form's kind as the page wrote it (lead-kinds.ts); `lead` when absent. */
  kind?: string;
  endpoint?: string;
  /** The relay's base URL, for every kind. */
  relay?: string;
  /** The inputs a website kind's form takes (kind-inputs.ts, through kinds.ts); any other is a mistake. */
  kindInputs?: readonly string[];
  estateId?: string;
  customerId?: string;
  privacyPolicyUrl?: string;
  redirectUrl?: string;
  preview: boolean;
  shown: FieldList;
  required: FieldList;
  /** The page's own URL, against which relative URLs resolve. */
  pageUrl: string;
}

/** Hosts a browser lets an https page call over plain http. */
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/** What is wrong with the attributes, in words for the page's editor; empty when nothing is. */
export function configProblem(config: ConfigTexts, attributes: ConfigAttributes): string {
  const { pageUrl } = attributes;
  const kind = attributes.kind?.trim() || 'lead';
  if (!isLeadKind(kind)) return config.kind(kind.slice(0, 40));
  if (needsEstate(kind) && !VITEC_ID.test(attributes.estateId?.trim() ?? '')) return config.estateId;
  const endpoint = formEndpoint(kind, attributes);
  if (!endpoint && !attributes.preview) return kind === 'lead' ? config.endpoint : config.relay;
  if (endpoint) {
    const url = webUrl(leadUrl(endpoint, 'x'), pageUrl);
    if (!url) return config.endpointScheme;
    if (url.protocol === 'http:' && pageUrl.startsWith('https:') && !LOOPBACK.test(url.hostname))
      return config.mixedContent;
    // In preview too: the builder's preview shows what the live form would say.
    if (needsCustomerId(endpoint) && !attributes.customerId?.trim()) return config.customerId;
  }
  if (attributes.privacyPolicyUrl && !webUrl(attributes.privacyPolicyUrl, pageUrl))
    return config.url('privacy-policy-url');
  if (attributes.redirectUrl && !webUrl(attributes.redirectUrl, pageUrl)) return config.url('redirect-url');
  const unknown = [...attributes.shown.unknown, ...attributes.required.unknown];
  if (unknown.length) return config.fields(unknown.join(', '));
  if (attributes.kindInputs) {
    const taken = attributes.kindInputs;
    const foreign = [...attributes.shown.fields, ...attributes.required.fields].filter((f) => !taken.includes(f));
    if (foreign.length) return config.kindFields([...new Set(foreign)].join(', '));
  }
  if (!attributes.shown.fields.includes('firstName') || !attributes.shown.fields.includes('lastName'))
    return config.names;
  return '';
}
