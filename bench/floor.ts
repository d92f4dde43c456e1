/**
 * The byte floor of the drop-in, built by `npm run bench` the way the drop-in is built: Lit, the
 * `zod/mini` lead schema, and the form's Swedish and English text and its CSS, rendered as plain
 * labelled inputs, with none of the element's behaviour (no error display, sending, retry, attribution,
 * consent, drafts, events). Whatever the element does costs bytes on top of this.
 */
import { LitElement, html } from 'lit';
import { styles } from '../src/element/lead-form.styles.js';
import { messages as en } from '../src/lead/messages/en.js';
import { messages as sv } from '../src/lead/messages/sv.js';
import { FIELD_NAMES } from '../src/lead/fields.js';
import { getLeadSchema } from '../src/lead/lead-schema.js';

class FloorElement extends LitElement {
  static override styles = styles;
  static override properties = { lang: {} };
  declare lang: string;

  override render() {
    const t = this.lang === 'en' ? en : sv;
    const check = (event: Event) => {
      event.preventDefault();
      (globalThis as { floorResult?: unknown }).floorResult = [getLeadSchema().safeParse({}), t];
    };
    return html`<form @submit=${check}>${FIELD_NAMES.map((f) => html`<label for=${f}>${t.labels[f]}</label><input id=${f} name=${f} />`)}<button>${t.submit}</button></form>`;
  }
}
customElements.define('vitec-lead-form-floor', FloorElement);
