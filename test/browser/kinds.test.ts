import { expect, fixture } from '@open-wc/testing';
import '../../src/index.js';
import type { VitecLeadFormElement } from '../../src/element/lead-form.js';
import { styles } from '../../src/element/lead-form.styles.js';
import { kindStyles } from '../../src/element/kinds.js';
import { slotText } from '../../src/lead/viewings.js';
import { axeViolations } from './axe.js';
import { configError, engine, errorOf, fill, input, mockAt, root, submit, until } from './helpers.js';

// Each kind of form → the real relay → the real mock of Vitec, mounted in the test runner; the mock's estates are
// seeded around today (src/server/mock/mock-website.ts). A relay and mock for each engine: the relay keeps an estate's
// slots a minute, and the engines run one after another.
const RELAY = `/relay/kinds-${engine}`;
const vitec = mockAt(`kinds-${engine}-vitec`);
const PERSON = { firstName: 'Anna', lastName: 'Svensson', 'email.emailAddress': 'anna@example.se' };

async function form(attrs: string, style = ''): Promise<VitecLeadFormElement> {
  const wrapper = await fixture<HTMLDivElement>(
    `<main style="${style}"><h1>Villavägen 12</h1><vitec-lead-form min-fill-time="0" relay="${RELAY}" customer-id="C-42" ${attrs}></vitec-lead-form></main>`,
  );
  const el = wrapper.querySelector<VitecLeadFormElement>('vitec-lead-form')!;
  await el.updateComplete;
  return el;
}

const slotLabels = (el: VitecLeadFormElement) =>
  [...root(el).querySelectorAll('.slot label')].map((label) => label.textContent!.replace(/\s+/g, ' ').trim());
const slotsReady = (el: VitecLeadFormElement) =>
  until(
    () => root(el)?.querySelector('[part="slots"]') && !root(el).querySelector('.slots-loading'),
    'the viewing times',
  );
const success = (el: VitecLeadFormElement) => root(el).querySelector<HTMLElement>('.success');

/** The relay's slots of an estate, as the form should word them. */
async function expectedSlots(estateId: string, lang: 'sv' | 'en' = 'sv') {
  const { slots } = (await (await fetch(`${RELAY}/v2/Advertising/Form/C-42/Estate/${estateId}`)).json()) as {
    slots: { id: string; startsAt: string; endsAt: string }[];
  };
  return slots.map((slot) => `${lang === 'sv' ? 'Visning' : 'Viewing'} ${slotText(slot, lang)}`);
}

describe('<vitec-lead-form> kinds', () => {
  beforeEach(async () => {
    await fetch(`${RELAY}/healthz`);
    await vitec.reset();
  });

  it('should send an interest in the listing, field by field, and thank without an id', async () => {
    const el = await form(
      'kind="interest" estate-id="DEMO-VILLA" lead-source-id="LS-1" interest-status="VeryInterested" consent-required',
    );
    await fill(el, { ...PERSON, 'telephone.cell': '070-123 45 67', message: 'Finns det garage?', consent: true });
    submit(el);
    await until(() => success(el), 'the thank-you');
    const [lead] = await vitec.leads();
    expect(lead!.kind).to.equal('interest');
    expect(lead!.estateId).to.equal('DEMO-VILLA');
    const { gdprApprovalDate, ...rest } = lead!.lead as { gdprApprovalDate: string };
    expect(rest).to.deep.equal({
      firstName: 'Anna',
      lastName: 'Svensson',
      email: { emailAddress: 'anna@example.se' },
      telephone: { cell: '070-123 45 67' },
      contactMessage: 'Finns det garage?',
      leadSourceId: 'LS-1',
      status: 'VeryInterested',
    });
    expect(Date.now() - Date.parse(gdprApprovalDate)).to.be.within(0, 60_000);
    expect(success(el)!.textContent).to.contain('Tack för din intresseanmälan!');
    expect(root(el).querySelector('.lead-id')).to.equal(null);
  });

  it('should hold an interest to the contact rule at its field', async () => {
    const el = await form('kind="interest" estate-id="DEMO-VILLA"');
    await fill(el, { firstName: 'Anna', lastName: 'Svensson' });
    submit(el);
    await until(() => errorOf(el, 'email.emailAddress'), 'the contact error');
    expect(errorOf(el, 'email.emailAddress')).to.match(/e-postadress eller ett telefonnummer/);
    expect(await vitec.leads()).to.have.length(0);
  });

  it('should list exactly the bookable slots in Stockholm time, book the chosen one, and name it in the thank-you', async () => {
    const el = await form(
      'kind="viewing" estate-id="DEMO-VILLA" lead-source-id="LS-2" confirm-by-email reminder-minutes="60"',
    );
    await slotsReady(el);
    const expected = await expectedSlots('DEMO-VILLA');
    expect(expected).to.have.length(4);
    expect(slotLabels(el)).to.deep.equal(expected);
    expect(slotLabels(el)[0]).to.match(/^Visning \p{L}+dag \d{1,2} \p{L}+ kl\. 17\.30–18\.00$/u);
    // No slot is chosen for the visitor when there are several.
    submit(el);
    await until(() => root(el).querySelector('#input-timeSlot-error'), 'the slot error');
    expect(root(el).querySelector('#input-timeSlot-error')!.textContent).to.contain('Välj en visningstid');
    const third = root(el).querySelectorAll<HTMLInputElement>('.slot input')[2]!;
    third.click();
    await fill(el, { ...PERSON, 'telephone.cell': '070-123 45 67' });
    submit(el);
    await until(() => success(el), 'the thank-you');
    const [lead] = await vitec.leads();
    expect(lead!.kind).to.equal('viewing');
    expect(lead!.lead).to.deep.equal({
      firstName: 'Anna',
      lastName: 'Svensson',
      email: 'anna@example.se',
      cellPhone: '070-123 45 67',
      timeSlotId: 'V3-1',
      lead: { leadSourceId: 'LS-2' },
      confirmation: { isEmailEnabled: true, isSmsEnabled: false },
      reminderTime: 60,
    });
    expect(success(el)!.textContent!.replace(/\s+/g, ' ')).to.contain(
      `Du är anmäld till visningen ${expected[2]!.replace('Visning ', '')}.`,
    );
  });

  it('should choose the only bookable slot for the visitor', async () => {
    // A relay of its own, which has not read the estate yet: three of its four slots are booked out first.
    const relay = `/relay/kinds-one-${engine}`;
    await fetch(`${relay}/healthz`);
    await mockAt(`kinds-one-${engine}-vitec`).reset();
    for (const slot of ['V2-1', 'V2-3', 'V3-1'])
      for (const who of ['a', 'b', 'c'])
        await fetch(`${relay}/v2/Advertising/Form/C-42/Estate/DEMO-VILLA/Viewing/Attend`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ firstName: 'B', lastName: 'C', email: `${who}@example.se`, timeSlotId: slot }),
        });
    const wrapper = await fixture<HTMLDivElement>(
      `<div><vitec-lead-form min-fill-time="0" relay="${relay}" customer-id="C-42" kind="viewing" estate-id="DEMO-VILLA"></vitec-lead-form></div>`,
    );
    const el = wrapper.querySelector<VitecLeadFormElement>('vitec-lead-form')!;
    await el.updateComplete;
    await slotsReady(el);
    const radios = [...root(el).querySelectorAll<HTMLInputElement>('.slot input')];
    expect(radios.map((radio) => [radio.value, radio.checked])).to.deep.equal([['V3-2', true]]);
  });

  it('should say when no slot can be booked, and offer the interest form for the same estate', async () => {
    for (const estate of ['DEMO-RADHUS', 'DEMO-ETTA']) {
      const el = await form(`kind="viewing" estate-id="${estate}"`);
      await until(() => root(el).querySelector('.slots-none'), 'no bookable slot');
      expect(root(el).querySelector('.slots-none')!.textContent).to.contain(
        'Det finns inga visningstider att boka just nu.',
      );
      expect(slotLabels(el)).to.deep.equal([]);
      root(el).querySelector<HTMLButtonElement>('.slots-none button')!.click();
      await el.updateComplete;
      expect(root(el).querySelector('.slots-none')).to.equal(null);
      await fill(el, PERSON);
      submit(el);
      await until(() => success(el), 'the thank-you');
      const leads = await vitec.leads();
      expect(leads.at(-1)!.kind).to.equal('interest');
      expect(leads.at(-1)!.estateId).to.equal(estate);
    }
  });

  it('should handle a slot that filled up meanwhile: a clear message at the slots, read again without it', async () => {
    const el = await form('kind="viewing" estate-id="DEMO-VILLA"');
    await slotsReady(el);
    const first = root(el).querySelector<HTMLInputElement>('.slot input')!;
    first.click();
    await fill(el, PERSON);
    // Two others book the last places of that slot first.
    for (const who of ['b@example.se', 'c@example.se', 'd@example.se'])
      await fetch(`${RELAY}/v2/Advertising/Form/C-42/Estate/DEMO-VILLA/Viewing/Attend`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ firstName: 'B', lastName: 'C', email: who, timeSlotId: first.value }),
      });
    const before = slotLabels(el);
    submit(el);
    await until(() => root(el).querySelector('#input-timeSlot-error'), 'the full-slot message');
    expect(root(el).querySelector('#input-timeSlot-error')!.textContent).to.contain('Tiden hann bli fullbokad');
    await slotsReady(el);
    await until(() => slotLabels(el).length === before.length - 1, 'the slots without the full one');
    expect(slotLabels(el)).to.deep.equal(before.slice(1));
    expect(input(el, 'firstName').value).to.equal('Anna');
  });

  it('should say clearly when the estate is unknown', async () => {
    const el = await form('kind="viewing" estate-id="NO-SUCH-ESTATE"');
    await until(() => root(el).querySelector('.slots-note'), 'the unknown estate');
    expect(root(el).querySelector('.slots-note')!.textContent).to.contain('Bostaden är inte till salu längre');
  });

  it("should keep its kind's stylesheet beside the form's, which is adopted as the first render begins", async () => {
    const el = await form('kind="valuation" lead-source-id="LS-3"');
    const sheets = root(el).adoptedStyleSheets;
    expect(sheets[0]).to.equal(styles.styleSheet);
    expect(sheets).to.include(kindStyles.styleSheet);
  });

  it('should send a valuation request with the home address, and thank for it', async () => {
    const el = await form(
      'kind="valuation" lead-source-id="LS-3" assignment-source-id="AS-4" receiver-user-id="U-5" lang="en"',
    );
    expect(root(el).querySelector('label[for="input-address.streetAddress"]')!.textContent).to.contain(
      'Street address',
    );
    await fill(el, {
      ...PERSON,
      'address.streetAddress': 'Villavägen 12',
      'address.zipCode': '18260',
      'address.city': 'Djursholm',
      message: 'We are thinking of selling in the spring.',
    });
    submit(el);
    await until(() => success(el), 'the thank-you');
    const [lead] = await vitec.leads();
    expect(lead!.kind).to.equal('valuation');
    expect(lead!.lead).to.deep.equal({
      firstName: 'Anna',
      lastName: 'Svensson',
      email: 'anna@example.se',
      address: { streetAddress: 'Villavägen 12', zipCode: '182 60', city: 'Djursholm' },
      lead: { leadSourceId: 'LS-3', assignmentSourceId: 'AS-4', message: 'We are thinking of selling in the spring.' },
      receiver: { userId: 'U-5' },
    });
    expect(success(el)!.textContent).to.contain('The agent will get in touch to book a time for the valuation.');
  });

  it('should tell a wrong kind, a missing estate-id and a missing relay in the form', async () => {
    for (const [attrs, words] of [
      ['kind="visning"', 'kind="visning" finns inte'],
      ['kind="viewing"', 'estate-id saknas'],
      ['kind="interest" estate-id="a b"', 'estate-id saknas'],
    ] as const) {
      const el = await form(attrs);
      expect((await configError(el)).textContent, attrs).to.contain(words);
    }
    const noRelay = await fixture<VitecLeadFormElement>(
      `<vitec-lead-form kind="valuation" customer-id="C-42"></vitec-lead-form>`,
    );
    expect((await configError(noRelay)).textContent).to.contain('attributet relay saknas');
  });

  for (const lang of ['sv', 'en'] as const)
    for (const scheme of ['light', 'dark'] as const)
      it(`should have no axe violations in any state, ${lang}, ${scheme}`, async () => {
        const style =
          scheme === 'dark'
            ? 'color-scheme: dark; background: #111; color: #eee'
            : 'color-scheme: light; background: #fff; color: #111';
        const viewing = await form(`kind="viewing" estate-id="DEMO-VILLA" lang="${lang}"`, style);
        expect(await axeViolations(viewing), 'loading').to.deep.equal([]);
        await slotsReady(viewing);
        expect(await axeViolations(viewing), 'slots').to.deep.equal([]);
        submit(viewing);
        await until(() => root(viewing).querySelector('.summary'), 'the error summary');
        expect(await axeViolations(viewing), 'errors').to.deep.equal([]);
        const none = await form(`kind="viewing" estate-id="DEMO-ETTA" lang="${lang}"`, style);
        await until(() => root(none).querySelector('.slots-none'), 'no slots');
        expect(await axeViolations(none), 'no slots').to.deep.equal([]);
        const unknown = await form(`kind="viewing" estate-id="NO-SUCH" lang="${lang}"`, style);
        await until(() => root(unknown).querySelector('.slots-note'), 'unknown estate');
        expect(await axeViolations(unknown), 'unknown').to.deep.equal([]);
        const valuation = await form(`kind="valuation" lang="${lang}"`, style);
        await fill(valuation, { ...PERSON, 'address.streetAddress': 'Villavägen 12', 'address.city': 'Djursholm' });
        submit(valuation);
        await until(() => success(valuation), 'the thank-you');
        expect(await axeViolations(valuation), 'thanked').to.deep.equal([]);
      });
});
