/** The attributes of `<vitec-lead-form>`, as a framework's template types see them (see custom-elements.json). */
export interface VitecLeadFormAttributes {
  endpoint?: string;
  'customer-id'?: string;
  'lead-source-name'?: string;
  'lead-type'?: string;
  'agent-id'?: string;
  'agent-email'?: string;
  'user-group-id'?: string;
  'office-id'?: string;
  'office-customer-id'?: string;
  fields?: string;
  required?: string;
  lang?: 'sv' | 'en' | (string & {});
  message?: string;
  timeout?: number | string;
  attribution?: 'session' | 'local' | 'none';
  'tracking-params'?: string;
  'privacy-policy-url'?: string;
  'consent-required'?: boolean;
  'success-message'?: string;
  'redirect-url'?: string;
  'min-fill-time'?: number | string;
  'data-layer'?: boolean;
  preview?: boolean;
}
