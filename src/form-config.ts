/** What the element's attributes mean for the lead and whether they can work: pure, for the view to show. */
import type { FieldList } from './form-fields.js';
import type { LeadConfig } from './lead-payload.js';
import type { Messages } from './messages.js';

export interface ConfigAttributes {
  endpoint?: string;
  preview: boolean;
  shown: FieldList;
  required: FieldList;
}

/** What is wrong with the attributes, in words for the page's editor; empty when nothing is. */
export function configProblem(t: Messages, attributes: ConfigAttributes): string {
  const { config } = t;
  if (!attributes.endpoint && !attributes.preview) return config.endpoint;
  const unknown = [...attributes.shown.unknown, ...attributes.required.unknown];
  if (unknown.length) return config.fields(unknown.join(', '));
  if (!attributes.shown.fields.includes('firstName') || !attributes.shown.fields.includes('lastName')) return config.names;
  return '';
}

/** The lead's source and receiver from the attributes; the source name defaults to the site's host. */
export function leadConfigOf(attributes: Omit<LeadConfig, 'leadSourceName'> & { leadSourceName?: string }, host: string): LeadConfig {
  const { leadType, agentId, agentEmail, userGroupId, officeId, officeCustomerId } = attributes;
  return { leadSourceName: attributes.leadSourceName || host, leadType, agentId, agentEmail, userGroupId, officeId, officeCustomerId };
}
