// Compiled by `npm run typecheck:types` (tsc only): the element's types in DOM code, React 19 JSX and Vue.
import type {} from '../../types/react.js';
import type {} from '../../types/vue.js';
import type { GlobalComponents } from 'vue';
import type { VitecLeadFormElement } from '../../dist/types/index.js';

// TypeScript DOM code knows the tag and its events.
const el: VitecLeadFormElement | null = document.querySelector('vitec-lead-form');
el?.addEventListener('vitec-lead-form-success', (event) => console.log(event.detail.leadId.toUpperCase()));
const created: VitecLeadFormElement = document.createElement('vitec-lead-form');
created.customerId = 'C1';

// React 19 JSX.
export const Form = () => (
  <vitec-lead-form endpoint="/lead" customer-id="C1" consent-required preview onvitec-lead-form-success={(event) => console.log(event.detail.leadId)} />
);
// @ts-expect-error: an attribute the element does not have.
export const Wrong = () => <vitec-lead-form endpont="/lead" />;

// Vue templates see it as a global component with typed props.
type Props = InstanceType<GlobalComponents['vitec-lead-form']>['$props'];
export const props: Props = { endpoint: '/lead', 'customer-id': 'C1', attribution: 'none' };
// @ts-expect-error: attribution takes only session, local or none.
export const wrongProps: Props = { attribution: 'always' };
