/** The builder's choices as a lit-html template of the snippet it edits: one labelled control per choice. */
import { html, nothing } from 'lit';
import { DEFAULT_FIELDS, DEFAULT_REQUIRED, parseFieldList } from '../../src/lead/field-list.ts';
import { KIND_INPUTS, kindFieldLists } from '../../src/lead/kind-inputs.ts';
import { isWebsiteKind } from '../../src/lead/lead-kinds.ts';
import { FIELD_NAMES, type FieldName } from '../../src/lead/fields.ts';
import { messages as en } from '../../src/lead/messages/en.ts';
import { messages as sv } from '../../src/lead/messages/sv.ts';
import { type AttributeName, type Snippet, writeFieldList } from './snippet.ts';
import type { Texts, UiLang } from './texts.ts';

/** Sets (a string), clears (undefined) or turns on (true) attributes, then redraws. */
export type Change = (changes: Partial<Record<AttributeName, string | true | undefined>>) => void;

const ALWAYS: readonly FieldName[] = ['firstName', 'lastName'];
const RECEIVERS = {
  none: [],
  agent: ['agent-id', 'agent-email'],
  group: ['user-group-id'],
  office: ['office-id', 'office-customer-id'],
} as const satisfies Record<string, readonly AttributeName[]>;
type Receiver = keyof typeof RECEIVERS;
const ALL_RECEIVER_ATTRIBUTES = Object.values(RECEIVERS).flat();

/** The receiver the attributes name: the first kind with a value. */
export function receiverOf(snippet: Snippet): Receiver {
  const kinds = Object.keys(RECEIVERS) as Receiver[];
  return kinds.find((kind) => RECEIVERS[kind].some((name) => snippet.attributes[name])) ?? 'none';
}

function textValue(snippet: Snippet, name: AttributeName, fallback = ''): string {
  const value = snippet.attributes[name];
  return typeof value === 'string' ? value : fallback;
}

function text(
  snippet: Snippet,
  change: Change,
  name: AttributeName,
  label: string,
  options: { type?: string; hint?: string; placeholder?: string } = {},
) {
  const id = `choice-${name}`;
  return html`<div class="choice">
    <label for=${id}>${label}</label>
    ${options.hint ? html`<p class="hint" id="${id}-hint">${options.hint}</p>` : nothing}
    <input id=${id} name=${name} type=${options.type ?? 'text'} .value=${textValue(snippet, name)} placeholder=${options.placeholder ?? nothing}
      aria-describedby=${options.hint ? `${id}-hint` : nothing} @input=${(event: Event) => change({ [name]: (event.target as HTMLInputElement).value || undefined })} />
  </div>`;
}

function checkbox(snippet: Snippet, change: Change, name: AttributeName, label: string) {
  const id = `choice-${name}`;
  return html`<div class="check">
    <input id=${id} name=${name} type="checkbox" .checked=${snippet.attributes[name] === true}
      @change=${(event: Event) => change({ [name]: (event.target as HTMLInputElement).checked || undefined })} />
    <label for=${id}>${label}</label>
  </div>`;
}

function radios<T extends string>(
  name: string,
  legend: string,
  chosen: T,
  options: [T, string][],
  onChoose: (value: T) => void,
) {
  return html`<div class="radios" role="radiogroup" aria-label=${legend}>
    ${options.map(
      ([value, label]) => html`<div class="check">
        <input type="radio" id="${name}-${value}" name=${name} value=${value} .checked=${chosen === value} @change=${() => onChoose(value)} />
        <label for="${name}-${value}">${label}</label>
      </div>`,
    )}
  </div>`;
}

function inputsTable(snippet: Snippet, change: Change, t: Texts, lang: UiLang) {
  const kind = textValue(snippet, 'kind', 'lead');
  const defaults = { fields: DEFAULT_FIELDS, required: DEFAULT_REQUIRED };
  const lists = kindFieldLists(
    kind,
    {
      fields: textValue(snippet, 'fields', DEFAULT_FIELDS),
      required: textValue(snippet, 'required', DEFAULT_REQUIRED),
    },
    defaults,
  );
  const shown = parseFieldList(lists.fields).fields;
  const required = parseFieldList(lists.required).fields;
  // A kind's form takes the inputs its body has.
  const offered = isWebsiteKind(kind) ? FIELD_NAMES.filter((field) => KIND_INPUTS[kind][field]) : FIELD_NAMES;
  const set = (field: FieldName, which: 'show' | 'require', on: boolean) => {
    const nextShown = new Set(shown);
    const nextRequired = new Set(required);
    if (which === 'show') {
      if (on) nextShown.add(field);
      else {
        nextShown.delete(field);
        nextRequired.delete(field);
      }
    } else if (on) nextRequired.add(field);
    else nextRequired.delete(field);
    change({ fields: writeFieldList([...nextShown]), required: writeFieldList([...nextRequired]) });
  };
  const labels = { sv, en }[lang].labels;
  return html`<table class="inputs">
    <thead>
      <tr><th scope="col">${t.input}</th><th scope="col">${t.show}</th><th scope="col">${t.require}</th></tr>
    </thead>
    <tbody>
      ${offered.map((field) => {
        const fixed = ALWAYS.includes(field);
        const id = `field-${field.replace('.', '-')}`;
        return html`<tr>
          <th scope="row" id=${id}>${labels[field]}</th>
          <td><input type="checkbox" aria-labelledby="${id} ${id}-show" .checked=${shown.includes(field)} ?disabled=${fixed}
            @change=${(event: Event) => set(field, 'show', (event.target as HTMLInputElement).checked)} /><span id="${id}-show" class="visually-hidden">${t.show}</span></td>
          <td><input type="checkbox" aria-labelledby="${id} ${id}-require" .checked=${required.includes(field)} ?disabled=${fixed || !shown.includes(field)}
            @change=${(event: Event) => set(field, 'require', (event.target as HTMLInputElement).checked)} /><span id="${id}-require" class="visually-hidden">${t.require}</span></td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

/** A person lead's receiver, and its source and type: what only the `lead` kind sends. */
function receiverAndSource(
  snippet: Snippet,
  change: Change,
  t: Texts,
  shownReceiver: Receiver,
  chooseReceiver: (kind: Receiver) => void,
) {
  return html`<fieldset>
      <legend>${t.receiver}</legend>
      ${radios(
        'receiver',
        t.receiver,
        shownReceiver,
        [
          ['none', t.receiverNone],
          ['agent', t.receiverAgent],
          ['group', t.receiverGroup],
          ['office', t.receiverOffice],
        ],
        chooseReceiver,
      )}
      ${shownReceiver === 'agent' ? html`${text(snippet, change, 'agent-id', t.agentId)}${text(snippet, change, 'agent-email', t.agentEmail, { type: 'email' })}` : nothing}
      ${shownReceiver === 'group' ? text(snippet, change, 'user-group-id', t.userGroupId) : nothing}
      ${shownReceiver === 'office' ? html`${text(snippet, change, 'office-id', t.officeId)}${text(snippet, change, 'office-customer-id', t.officeCustomerId)}` : nothing}
    </fieldset>
    <fieldset>
      <legend>${t.source}</legend>
      ${text(snippet, change, 'lead-source-name', t.leadSourceName, { hint: t.leadSourceHint })}
      ${text(snippet, change, 'lead-type', t.leadType, { placeholder: 'AcceptObjectFlow' })}
    </fieldset>`;
}

/** The attributes only some kinds of form take, by the kinds that take them. */
const KIND_ONLY: Partial<Record<AttributeName, readonly string[]>> = {
  'estate-id': ['interest', 'viewing'],
  'lead-source-id': ['interest', 'viewing', 'valuation'],
  'assignment-source-id': ['interest', 'valuation'],
  'receiver-user-id': ['valuation'],
  'interest-status': ['interest'],
  'confirm-by-email': ['viewing'],
  'confirm-by-sms': ['viewing'],
  'reminder-minutes': ['viewing'],
  'lead-source-name': ['lead'],
  'lead-type': ['lead'],
  'agent-id': ['lead'],
  'agent-email': ['lead'],
  'user-group-id': ['lead'],
  'office-id': ['lead'],
  'office-customer-id': ['lead'],
  endpoint: ['lead'],
};

export function renderChoices(
  snippet: Snippet,
  change: Change,
  onScriptSrc: (value: string) => void,
  t: Texts,
  lang: UiLang,
) {
  const receiver = receiverOf(snippet);
  const chooseReceiver = (kind: Receiver) => {
    // Another kind of receiver: the other kinds' ids go, so that the lead names one receiver.
    const cleared = Object.fromEntries(
      ALL_RECEIVER_ATTRIBUTES.filter((name) => !(RECEIVERS[kind] as readonly string[]).includes(name)).map((name) => [
        name,
        undefined,
      ]),
    );
    pendingReceiver = kind;
    change(cleared);
  };
  const shownReceiver = pendingReceiver ?? receiver;
  const thanks = snippet.attributes['redirect-url']
    ? 'redirect'
    : snippet.attributes['success-message'] !== undefined
      ? 'message'
      : (pendingThanks ?? 'built-in');
  const chooseThanks = (kind: 'built-in' | 'message' | 'redirect') => {
    pendingThanks = kind;
    change({
      'success-message': kind === 'message' ? textValue(snippet, 'success-message') : undefined,
      'redirect-url': kind === 'redirect' ? textValue(snippet, 'redirect-url') || undefined : undefined,
    });
  };
  const kind = textValue(snippet, 'kind', 'lead');
  // Another kind: the attributes only the old one takes go, so that the snippet says nothing it does not use.
  const chooseKind = (next: string) =>
    change({
      kind: next === 'lead' ? undefined : next,
      ...Object.fromEntries(
        Object.entries(KIND_ONLY)
          .filter(([, kinds]) => !kinds.includes(next))
          .map(([name]) => [name, undefined]),
      ),
    });
  return html`
    <fieldset>
      <legend>${t.kind}</legend>
      ${radios(
        'kind',
        t.kind,
        kind,
        [
          ['lead', t.kindLead],
          ['interest', t.kindInterest],
          ['viewing', t.kindViewing],
          ['valuation', t.kindValuation],
        ],
        chooseKind,
      )}
      ${kind === 'interest' || kind === 'viewing' ? text(snippet, change, 'estate-id', t.estateId, { hint: t.estateIdHint }) : nothing}
      ${kind !== 'lead' ? text(snippet, change, 'lead-source-id', t.leadSourceId, { hint: t.leadSourceIdHint }) : nothing}
      ${kind === 'interest' || kind === 'valuation' ? text(snippet, change, 'assignment-source-id', t.assignmentSourceId) : nothing}
      ${kind === 'valuation' ? text(snippet, change, 'receiver-user-id', t.receiverUserId) : nothing}
      ${
        kind === 'interest'
          ? html`<div class="choice">
            <label for="choice-interest-status">${t.interestStatus}</label>
            <select id="choice-interest-status" name="interest-status" @change=${(event: Event) => change({ 'interest-status': (event.target as HTMLSelectElement).value || undefined })}>
              ${['', 'Interested', 'VeryInterested', 'Assigned', 'NotInterested'].map(
                (status) =>
                  html`<option value=${status} ?selected=${textValue(snippet, 'interest-status') === status}>${status || t.interestStatusNone}</option>`,
              )}
            </select>
          </div>`
          : nothing
      }
      ${
        kind === 'viewing'
          ? html`${checkbox(snippet, change, 'confirm-by-email', t.confirmByEmail)}${checkbox(snippet, change, 'confirm-by-sms', t.confirmBySms)}
          ${text(snippet, change, 'reminder-minutes', t.reminderMinutes, { type: 'number' })}`
          : nothing
      }
    </fieldset>
    <fieldset>
      <legend>${t.inputs}</legend>
      <p class="hint">${t.inputsHint}</p>
      ${inputsTable(snippet, change, t, lang)}
    </fieldset>
    ${kind === 'lead' ? receiverAndSource(snippet, change, t, shownReceiver, chooseReceiver) : nothing}
    <fieldset>
      <legend>${t.formLanguage}</legend>
      <div class="choice">
        <label for="choice-lang">${t.language}</label>
        <select id="choice-lang" name="lang" .value=${textValue(snippet, 'lang')} @change=${(event: Event) => change({ lang: (event.target as HTMLSelectElement).value || undefined })}>
          <option value="" ?selected=${!snippet.attributes.lang}>${t.languagePage}</option>
          <option value="sv" ?selected=${snippet.attributes.lang === 'sv'}>Svenska</option>
          <option value="en" ?selected=${snippet.attributes.lang === 'en'}>English</option>
        </select>
      </div>
    </fieldset>
    <fieldset>
      <legend>${t.consent}</legend>
      ${checkbox(snippet, change, 'consent-required', t.consentRequired)}
      ${text(snippet, change, 'privacy-policy-url', t.privacyPolicyUrl, { type: 'url', placeholder: '/integritetspolicy' })}
    </fieldset>
    <fieldset>
      <legend>${t.afterSending}</legend>
      ${radios(
        'thanks',
        t.afterSending,
        thanks,
        [
          ['built-in', t.thanksBuiltIn],
          ['message', t.thanksMessage],
          ['redirect', t.thanksRedirect],
        ],
        chooseThanks,
      )}
      ${thanks === 'message' ? text(snippet, change, 'success-message', t.successMessage) : nothing}
      ${thanks === 'redirect' ? text(snippet, change, 'redirect-url', t.redirectUrl, { type: 'url', placeholder: '/tack' }) : nothing}
    </fieldset>
    <fieldset>
      <legend>${t.fallback}</legend>
      <p class="hint">${t.fallbackHint}</p>
      ${text(snippet, change, 'fallback-email', t.fallbackEmail, { type: 'email' })}
      ${text(snippet, change, 'fallback-phone', t.fallbackPhone, { type: 'tel' })}
    </fieldset>
    <fieldset>
      <legend>${t.tracking}</legend>
      <div class="choice">
        <label for="choice-attribution">${t.attribution}</label>
        <select id="choice-attribution" name="attribution" @change=${(event: Event) => change({ attribution: (event.target as HTMLSelectElement).value })}>
          ${(['session', 'local', 'none'] as const).map(
            (mode) => html`<option value=${mode} ?selected=${textValue(snippet, 'attribution', 'session') === mode}>
              ${{ session: t.attributionSession, local: t.attributionLocal, none: t.attributionNone }[mode]}
            </option>`,
          )}
        </select>
      </div>
      ${checkbox(snippet, change, 'data-layer', t.dataLayer)}
    </fieldset>
    <fieldset>
      <legend>${t.connection}</legend>
      ${text(snippet, change, 'relay', t.relay, { type: 'url', hint: t.relayHint, placeholder: 'https://relay.example.se' })}
      ${kind === 'lead' ? text(snippet, change, 'endpoint', t.endpoint, { type: 'url', hint: t.endpointHint, placeholder: 'https://relay.example.se/PublicAdvertising/{customerId}/Contact/Person/Lead' }) : nothing}
      ${text(snippet, change, 'customer-id', t.customerId)}
      <div class="choice">
        <label for="choice-script">${t.scriptSrc}</label>
        <input id="choice-script" name="script-src" type="url" .value=${snippet.scriptSrc} @input=${(event: Event) => onScriptSrc((event.target as HTMLInputElement).value)} />
      </div>
    </fieldset>
  `;
}

/** A choice made in the controls that the attributes cannot show yet (a receiver or thank-you kind with no value typed). */
let pendingReceiver: Receiver | undefined;
let pendingThanks: 'built-in' | 'message' | 'redirect' | undefined;

/** Forgets those choices: after an import or a restored link, the attributes say it all. */
export function resetPendingChoices(): void {
  pendingReceiver = undefined;
  pendingThanks = undefined;
}
