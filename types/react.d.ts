/**
 * `<vitec-lead-form>` in React 19 JSX: `import type {} from 'vitec-lead-form/react';` once in the app.
 * React 19 passes custom element attributes through and listens to `on` + the event's own name.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type {
  LeadBotEvent,
  LeadErrorEvent,
  LeadSubmitEvent,
  LeadSuccessEvent,
  VitecLeadFormElement,
} from '../dist/types/index.js';
import type { VitecLeadFormAttributes } from './attributes.js';

export interface VitecLeadFormJsxProps
  extends
    DetailedHTMLProps<HTMLAttributes<VitecLeadFormElement>, VitecLeadFormElement>,
    Omit<VitecLeadFormAttributes, 'lang'> {
  'onvitec-lead-form-submit'?: (event: LeadSubmitEvent) => void;
  'onvitec-lead-form-success'?: (event: LeadSuccessEvent) => void;
  'onvitec-lead-form-error'?: (event: LeadErrorEvent) => void;
  'onvitec-lead-form-bot'?: (event: LeadBotEvent) => void;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'vitec-lead-form': VitecLeadFormJsxProps;
    }
  }
}
