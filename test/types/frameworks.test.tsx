// Compiled by `npm run test:types` (tsc only): the element's types in DOM code, React 19 JSX and Vue,
// each framework with every attribute (test/unit/attribute-types.test.ts checks that none is missing).
import type {} from '../../types/react.js';
import type {} from '../../types/vue.js';
import type { GlobalComponents } from 'vue';
import type { VitecLeadFormElement } from '../../dist/types/index.js';

// TypeScript DOM code knows the tag and its events.
const el: VitecLeadFormElement | null = document.querySelector('vitec-lead-form');
// A lead the relay keeps while Vitec is down has a receipt and no lead id yet: the type says which.
el?.addEventListener('vitec-lead-form-success', (event) =>
  console.log(event.detail.queued ? event.detail.receipt : event.detail.leadId.toUpperCase()),
);
// The lead sent is typed by the form's kind.
el?.addEventListener('vitec-lead-form-submit', (event) => {
  if (event.detail.kind === 'lead') console.log(event.detail.lead.person.firstName);
  else if (event.detail.kind === 'viewing') console.log(event.detail.lead.timeSlotId);
});
const created: VitecLeadFormElement = document.createElement('vitec-lead-form');
created.customerId = 'C1';

// React 19 JSX, every attribute.
export const Form = () => (
  <vitec-lead-form
    kind="viewing"
    relay="https://relay.maklarhuset.se"
    estate-id="OBJ-4711"
    lead-source-id="LS-1"
    assignment-source-id="AS-1"
    receiver-user-id="U-1"
    interest-status="VeryInterested"
    confirm-by-email
    confirm-by-sms
    reminder-minutes={120}
    endpoint="/PublicAdvertising/{customerId}/Contact/Person/Lead"
    customer-id="C1"
    lead-source-name="maklarhuset.se"
    lead-type="AcceptObjectFlow"
    agent-id="A1"
    agent-email="agent@maklarhuset.se"
    user-group-id="G1"
    office-id="O1"
    office-customer-id="C1"
    fields="firstName lastName email telephone.cell message"
    required="firstName lastName"
    lang="en"
    message="Jag vill boka visning"
    timeout={15000}
    attribution="local"
    tracking-params="gclid fbclid"
    privacy-policy-url="/integritetspolicy"
    consent-required
    success-message="Tack! Ärende {leadId}"
    redirect-url="/tack"
    min-fill-time="2000"
    data-layer
    preview
    save-draft
    fallback-email="info@maklarhuset.se"
    fallback-phone="08-123 456 78"
    onvitec-lead-form-bot={(event) => console.log(event.detail.reason)}
    onvitec-lead-form-success={(event) => console.log(event.detail.leadId)}
  />
);
// @ts-expect-error: an attribute the element does not have.
export const Wrong = () => <vitec-lead-form endpont="/lead" />;

// Vue templates see it as a global component with typed props, every attribute.
type Props = InstanceType<GlobalComponents['vitec-lead-form']>['$props'];
export const props: Props = {
  kind: 'valuation',
  relay: 'https://relay.maklarhuset.se',
  'estate-id': 'OBJ-4711',
  'lead-source-id': 'LS-1',
  'assignment-source-id': 'AS-1',
  'receiver-user-id': 'U-1',
  'interest-status': 'Interested',
  'confirm-by-email': true,
  'confirm-by-sms': false,
  'reminder-minutes': 60,
  endpoint: '/PublicAdvertising/{customerId}/Contact/Person/Lead',
  'customer-id': 'C1',
  'lead-source-name': 'maklarhuset.se',
  'lead-type': 'AcceptObjectFlow',
  'agent-id': 'A1',
  'agent-email': 'agent@maklarhuset.se',
  'user-group-id': 'G1',
  'office-id': 'O1',
  'office-customer-id': 'C1',
  fields: 'firstName lastName email',
  required: 'firstName lastName',
  lang: 'sv',
  message: 'Jag vill boka visning',
  timeout: 15000,
  attribution: 'none',
  'tracking-params': 'gclid',
  'privacy-policy-url': '/integritetspolicy',
  'consent-required': true,
  'success-message': 'Tack!',
  'redirect-url': '/tack',
  'min-fill-time': 2000,
  'data-layer': true,
  preview: false,
  'save-draft': true,
  'fallback-email': 'info@maklarhuset.se',
  'fallback-phone': '08-123 456 78',
};
// @ts-expect-error: attribution takes only session, local or none.
export const wrongProps: Props = { attribution: 'always' };
