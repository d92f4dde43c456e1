import { VitecLeadFormElement } from './lead-form.js';

const TAG = 'vitec-lead-form';

/**
 * Defines `<vitec-lead-form>` unless it already is, so a page that loads the script twice keeps
 * working; a different version already defined is reported once on the console.
 */
export function defineLeadForm(): void {
  const existing = customElements.get(TAG) as (CustomElementConstructor & { version?: string }) | undefined;
  if (!existing) customElements.define(TAG, VitecLeadFormElement);
  else if (existing.version !== VitecLeadFormElement.version) {
    console.warn(
      `<${TAG}>: version ${existing.version ?? 'unknown'} is already defined on this page; version ${VitecLeadFormElement.version} was not loaded.`,
    );
  }
}
