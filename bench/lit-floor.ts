/**
 * The Lit floor: what any Lit form with our five default fields and our stylesheet costs a page, with none of our
 * element's behaviour (no schema, no attributes beyond none, no states, no drafts, no attribution). The bench draws it
 * beside ours and beside the same form in plain HTML: ours should cost at most twice what this costs over plain HTML.
 */
import { html, LitElement } from 'lit';
import { styles } from '../src/element/lead-form.styles.ts';

const FIELDS: [name: string, label: string, type: string, autocomplete: string][] = [
  ['firstName', 'Förnamn', 'text', 'given-name'],
  ['lastName', 'Efternamn', 'text', 'family-name'],
  ['email.emailAddress', 'E-post', 'email', 'email'],
  ['telephone.cell', 'Mobiltelefon', 'tel', 'tel'],
  ['message', 'Meddelande', 'textarea', 'off'],
];

class LitFloorForm extends LitElement {
  static override styles = styles;

  override render() {
    return html`<form part="form" novalidate>
      ${FIELDS.map(
        ([name, label, type, autocomplete]) =>
          html`<div class="field" part="field">
            <label class="label" part="label" for=${name}>${label}</label>
            ${
              type === 'textarea'
                ? html`<textarea class="input" part="input" id=${name} name=${name} rows="5"></textarea>`
                : html`<input class="input" part="input" id=${name} name=${name} type=${type} autocomplete=${autocomplete} />`
            }
          </div>`,
      )}
      <button class="submit" part="submit" type="submit">Skicka</button>
    </form>`;
  }
}

customElements.define('lit-floor-form', LitFloorForm);
