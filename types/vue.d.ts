/**
 * `<vitec-lead-form>` in Vue templates: `import type {} from 'vitec-lead-form/vue';` once in the app,
 * and tell Vue's compiler it is a custom element: `isCustomElement: (tag) => tag === 'vitec-lead-form'`.
 */
import type { DefineComponent } from 'vue';
import type { LeadErrorEvent, LeadSubmitEvent, LeadSuccessEvent } from '../dist/types/index.js';
import type { VitecLeadFormAttributes } from './attributes.js';

export type VitecLeadFormVueComponent = DefineComponent<
  VitecLeadFormAttributes & {
    'onVitec-lead-form-submit'?: (event: LeadSubmitEvent) => void;
    'onVitec-lead-form-success'?: (event: LeadSuccessEvent) => void;
    'onVitec-lead-form-error'?: (event: LeadErrorEvent) => void;
  }
>;

declare module 'vue' {
  interface GlobalComponents {
    'vitec-lead-form': VitecLeadFormVueComponent;
  }
}
