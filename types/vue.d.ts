/**
 * `<vitec-lead-form>` in Vue templates: `import type {} from 'vitec-lead-form/vue';` once in the app,
 * and tell Vue's compiler it is a custom element: `isCustomElement: (tag) => tag === 'vitec-lead-form'`.
 */
import type { DefineComponent } from 'vue';
import type { LeadBotEvent, LeadErrorEvent, LeadSubmitEvent, LeadSuccessEvent } from '../dist/types/index.js';
import type { VitecLeadFormAttributes } from './attributes.js';

export type VitecLeadFormVueComponent = DefineComponent<
  VitecLeadFormAttributes & {
    'onVitec-lead-form-submit'?: (event: LeadSubmitEvent) => void;
    'onVitec-lead-form-success'?: (event: LeadSuccessEvent) => void;
    'onVitec-lead-form-error'?: (event: LeadErrorEvent) => void;
    'onVitec-lead-form-bot'?: (event: LeadBotEvent) => void;
  }
>;

declare module 'vue' {
  interface GlobalComponents {
    'vitec-lead-form': VitecLeadFormVueComponent;
  }
}
