/**
 * The website kinds' part of the form (lead-kinds.ts), which a form of kind `interest`, `viewing` or `valuation` loads
 * before it first draws (kind-loader.ts); a lead form never does. `KindView` is what such a form adds to the lead
 * form: a booking's time slots (read through the relay, chosen in a radio group, one preselected when it is the only
 * one, read again when the chosen one filled up), the interest form offered when none can be booked, the kind's body
 * and its check, and its thank-you; with the kinds' texts (sv-kinds.ts, or the language's own file) and their CSS.
 */
import { css, html, nothing, type ReactiveController } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { KindConfig } from '../lead/kind-payload.js';
import { DEFAULT_FIELDS, DEFAULT_REQUIRED } from '../lead/field-list.js';
import { KIND_INPUTS, kindFieldLists, type KindInputs } from '../lead/kind-inputs.js';
import { estatePath, type WebsiteKind } from '../lead/lead-kinds.js';
import type { KindTexts, Lang, StateTexts } from '../lead/messages/index.js';
import { kinds as svKinds } from '../lead/messages/sv-kinds.js';
import { type BookableSlot, slotText } from '../lead/viewings.js';
import { adoptLater } from './behaviour-loader.js';
import type { LeadFormAttributes } from './lead-form-attributes.js';
import type { Submission } from './submission.js';

/**
 * The kinds' texts in `lang`: its own file's (`own`, messages/index.ts, handed in by kind-loader.ts: imported here, it
 * would cost the entry a chunk), else Swedish's.
 */
export const kindTextsOf = (lang: Lang, own: (lang: Lang) => KindTexts | undefined): KindTexts => own(lang) ?? svKinds;

type Slots =
  | { readonly state: 'loading' }
  | { readonly state: 'unknown' }
  | { readonly state: 'failed' }
  | { readonly state: 'ready'; readonly slots: readonly BookableSlot[] };

/** The most of the relay's answer with the slots the form reads. */
const MAX_SLOTS = 200;

/** The slots in the relay's answer that have not started, as far as they are well formed. */
function slotsOf(body: unknown, now: number): BookableSlot[] {
  const slots = (body as { slots?: unknown } | null)?.slots;
  if (!Array.isArray(slots)) throw new Error('no slots');
  return slots
    .slice(0, MAX_SLOTS)
    .filter(
      (slot): slot is BookableSlot =>
        typeof slot?.id === 'string' &&
        typeof slot.startsAt === 'string' &&
        typeof slot.endsAt === 'string' &&
        Date.parse(slot.startsAt) > now,
    );
}

/** Two slots for a form in preview with no relay, so that a CMS editor sees the booking form as it will look. */
function previewSlots(now: number): BookableSlot[] {
  const day = new Date(now + 2 * 86_400_000);
  day.setUTCHours(16, 30, 0, 0);
  return [0, 1].map((i) => ({
    id: `preview-${i + 1}`,
    startsAt: new Date(day.getTime() + i * 1_800_000).toISOString(),
    endsAt: new Date(day.getTime() + (i + 1) * 1_800_000).toISOString(),
  }));
}

export class KindView implements ReactiveController {
  slots: Slots = { state: 'loading' };
  /** The chosen slot's id. */
  slotId = '';
  /** No slot could be booked, and the visitor chose to register interest instead. */
  interestInstead = false;
  /** The slot of the last booking, for its thank-you. */
  private booked?: BookableSlot;
  private reading?: AbortController;

  constructor(
    private readonly host: LeadFormAttributes,
    private readonly ownTexts: (lang: Lang) => KindTexts | undefined,
  ) {
    host.addController(this);
    adoptLater(host.renderRoot, kindStyles);
  }

  /** The kind the form sends now. */
  get kind(): WebsiteKind {
    return this.interestInstead ? 'interest' : (this.host.kind as WebsiteKind);
  }

  /** Where each input goes in the kind's body. */
  get inputs(): KindInputs {
    return KIND_INPUTS[this.kind];
  }

  /** The inputs the kind's form takes. */
  get inputNames(): string[] {
    return Object.keys(this.inputs);
  }

  /** The `fields` and `required` the form uses: the kind's own defaults where the page left the lead form's. */
  fieldLists(): { fields: string; required: string } {
    return kindFieldLists(this.host.kind, this.host, { fields: DEFAULT_FIELDS, required: DEFAULT_REQUIRED });
  }

  get texts(): KindTexts {
    return kindTextsOf(this.host.formLang, this.ownTexts);
  }

  hostConnected(): void {
    this.restart();
  }

  hostDisconnected(): void {
    this.reading?.abort();
  }

  /** After a change of `kind` or `estate-id`: a booking's slots are read (again). */
  restart(): void {
    this.interestInstead = false;
    if (this.host.kind === 'viewing') void this.readSlots();
  }

  /** Reads the estate's bookable slots through the relay (at most `timeout` ms). */
  async readSlots(): Promise<void> {
    this.reading?.abort();
    const reading = (this.reading = new AbortController());
    const { relay, customerId, estateId, timeout, preview } = this.host;
    this.slots = { state: 'loading' };
    this.host.requestUpdate();
    let slots: Slots;
    if (preview && !relay) slots = { state: 'ready', slots: previewSlots(Date.now()) };
    else {
      const timer = setTimeout(() => reading.abort(), timeout);
      try {
        const url = `${relay!.trim().replace(/\/+$/, '')}${estatePath(customerId?.trim() ?? '', estateId?.trim() ?? '')}`;
        const response = await fetch(url, {
          headers: { accept: 'application/json', 'accept-language': this.host.formLang },
          credentials: 'omit',
          signal: reading.signal,
        });
        slots =
          response.status === 404
            ? { state: 'unknown' }
            : response.ok
              ? { state: 'ready', slots: slotsOf(await response.json(), Date.now()) }
              : { state: 'failed' };
      } catch {
        slots = { state: 'failed' };
      } finally {
        clearTimeout(timer);
      }
      // A newer read took over (the estate changed, or the visitor asked again).
      if (reading !== this.reading) return;
    }
    this.slots = slots;
    const ids = slots.state === 'ready' ? slots.slots.map((slot) => slot.id) : [];
    if (!ids.includes(this.slotId)) this.slotId = ids.length === 1 ? ids[0]! : '';
    this.host.requestUpdate();
  }

  /** The summary's targets before the inputs: a booking's time slots. */
  get targets(): 'timeSlot'[] {
    return this.kind === 'viewing' ? ['timeSlot'] : [];
  }

  /**
   * What the form shows above the inputs: a booking's time slots, with their error after a submit (`states`: the state
   * texts, here once submitted), or why there are none. A slot chosen after a submit fixes the error shown there.
   */
  renderTop(submission: Submission, states: Pick<StateTexts, 'errorPrefix' | 'fixedPrefix'> | undefined) {
    if (this.kind !== 'viewing') return nothing;
    const fixed = submission.fixed.has('timeSlot');
    const error = {
      error: submission.fieldErrors.timeSlot,
      fixed,
      prefix: (fixed ? states?.fixedPrefix : states?.errorPrefix) ?? '',
    };
    const k = this.texts;
    const { slots } = this;
    if (slots.state === 'unknown') return html`<p class="slots-note" part="slots" role="alert">${k.estateUnknown}</p>`;
    if (slots.state === 'ready' && !slots.slots.length)
      return html`<div class="slots-none" part="slots" role="status">
        <p>${k.slotsNone}</p>
        <button type="button" class="secondary-button" @click=${this.chooseInterest}>${k.offerInterest}</button>
      </div>`;
    const invalid = !!error.error && !error.fixed;
    const choose = (event: Event) => {
      this.slotId = (event.target as HTMLInputElement).value;
      if (submission.submitted) submission.setFieldError('timeSlot', undefined);
      this.host.requestUpdate();
    };
    return html`<fieldset class="slots field ${invalid ? 'field-error' : ''}" part="slots"
      aria-describedby=${ifDefined(invalid ? 'input-timeSlot-error' : undefined)}>
      <legend class="label">${k.slotsLegend}</legend>
      ${
        error.error
          ? html`<p part="error" class="error ${error.fixed ? 'error-fixed' : ''}" id="input-timeSlot-error"><span class="visually-hidden">${error.prefix}</span> ${error.error}</p>`
          : nothing
      }
      ${
        slots.state === 'loading'
          ? html`<p class="slots-loading" role="status">${k.slotsLoading}</p>`
          : slots.state === 'failed'
            ? html`<p class="slots-note" role="alert">${k.slotsFailed}</p>
              <button type="button" class="secondary-button" @click=${() => this.readSlots()}>${k.retry}</button>`
            : slots.slots.map(
                (slot, i) =>
                  html`<div class="checkbox slot">
                  <input type="radio" name="timeSlot" id=${i ? `input-timeSlot-${i}` : 'input-timeSlot'} .value=${slot.id}
                    .checked=${slot.id === this.slotId} aria-invalid=${ifDefined(invalid ? 'true' : undefined)} @change=${choose} />
                  <label for=${i ? `input-timeSlot-${i}` : 'input-timeSlot'}
                    ><span class="visually-hidden">${k.slotPrefix} </span>${slotText(slot, this.host.formLang)}</label>
                </div>`,
              )
      }
    </fieldset>`;
  }

  private chooseInterest = () => {
    this.interestInstead = true;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>('.input')?.focus());
  };

  /** What the attributes and the chosen slot give the kind's body (kind-payload.ts builds it, in the lazy part). */
  config(): KindConfig {
    const h = this.host;
    const kind = this.kind;
    return {
      inputs: this.inputs,
      leadSourceId: h.leadSourceId,
      assignmentSourceId: h.assignmentSourceId,
      receiverUserId: h.receiverUserId,
      interestStatus: h.interestStatus,
      confirmByEmail: h.confirmByEmail,
      confirmBySms: h.confirmBySms,
      reminderMinutes: Number.isInteger(h.reminderMinutes) ? h.reminderMinutes : undefined,
      timeSlotId: kind === 'viewing' ? this.slotId || undefined : undefined,
    };
  }

  /** The booking went through: its slot is kept for the thank-you, and no slot is chosen for the next. */
  sent(): void {
    const { slots } = this;
    this.booked = slots.state === 'ready' ? slots.slots.find((slot) => slot.id === this.slotId) : undefined;
    this.slotId = '';
  }

  /** Vitec refused the chosen slot (it filled up meanwhile): the slots are read again. */
  slotRefused(): void {
    this.slotId = '';
    void this.readSlots();
  }

  /** The state texts with the kind's thank-you heading, and its text. */
  thanked<T extends { sentHeading: string }>(texts: T): { texts: T; body: string } {
    const { heading, body } = this.thanks();
    return { texts: { ...texts, sentHeading: heading }, body };
  }

  /** The thank-you's heading and text for the kind sent. */
  thanks(): { heading: string; body: string } {
    const { thanks } = this.texts;
    if (this.kind === 'viewing')
      return {
        heading: thanks.viewing.heading,
        body: this.booked ? thanks.viewing.body(slotText(this.booked, this.host.formLang)) : '',
      };
    return thanks[this.kind];
  }
}

/** The kinds' CSS, adopted by a form of such a kind beside its own stylesheet. */
export const kindStyles = css`
  .slots {
    border: 0;
    padding: 0;
    margin: 0;
    min-inline-size: 0;
    /* About two slots tall while they load, so that the inputs below move little when they come. */
    min-height: 5.5rem;
  }
  .slots > legend {
    padding: 0;
    margin-bottom: calc(var(--_spacing) / 4);
  }
  .slot + .slot {
    margin-top: calc(var(--_spacing) / 4);
  }
  .slots-loading,
  .slots-note {
    margin: 0;
  }
  .slots-none p {
    margin: 0 0 calc(var(--_spacing) / 2);
  }
  .secondary-button {
    font: inherit;
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
    margin-top: calc(var(--_spacing) / 2);
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: transparent;
    color: inherit;
    cursor: pointer;
  }
  .secondary-button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
`;
