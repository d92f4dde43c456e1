import { expect, fixture } from '@open-wc/testing';
import '../../src/index.js';
import type { VitecLeadFormElement } from '../../src/element/lead-form.js';
import { axeViolations } from './axe.js';
import { errorOf, fill, input, mockAt, root, submit, until } from './helpers.js';

const mock = mockAt('site-options');
const NAMES = { firstName: 'Anna', lastName: 'Svensson', 'email.emailAddress': 'anna@example.se' };

async function form(attrs = '', inner = ''): Promise<VitecLeadFormElement> {
  const wrapper = await fixture<HTMLDivElement>(
    `<div><vitec-lead-form id="kontakt" endpoint="${mock.endpoint}" customer-id="C" ${attrs}>${inner}</vitec-lead-form></div>`,
  );
  const el = wrapper.querySelector<VitecLeadFormElement>('vitec-lead-form')!;
  await el.updateComplete;
  return el;
}

const sent = (el: VitecLeadFormElement) => until(() => root(el).querySelector('.success'), 'the thank-you message');

describe('<vitec-lead-form> site options', () => {
  beforeEach(() => mock.reset());

  describe('consent', () => {
    it('should show a sentence with a link to the privacy policy', async () => {
      const el = await form('min-fill-time="0" privacy-policy-url="https://m.se/integritet"');
      const link = root(el).querySelector<HTMLAnchorElement>('.privacy a')!;
      expect(link.href).to.equal('https://m.se/integritet');
      expect(root(el).querySelector('.privacy')!.textContent).to.contain('integritetspolicy');
    });

    it('should require the box when consent-required, then record the consent and its time in the message', async () => {
      const el = await form('min-fill-time="0" consent-required privacy-policy-url="https://m.se/integritet"');
      await fill(el, { ...NAMES, message: 'Ring mig.' });
      submit(el);
      await el.updateComplete;
      expect(errorOf(el, 'consent')).to.contain('samtycka');
      expect(await axeViolations(el)).to.deep.equal([]);
      expect(await mock.leads()).to.have.length(0);
      root(el).querySelector<HTMLAnchorElement>('.summary a')!.click();
      expect(root(el).activeElement).to.equal(input(el, 'consent'));
      await fill(el, { consent: true });
      expect(errorOf(el, 'consent')).to.equal(undefined);
      const before = Date.now();
      submit(el);
      await sent(el);
      const message = (await mock.leads())[0]!.lead.message as string;
      const [text, line] = message.split('\n\n');
      expect(text).to.equal('Ring mig.');
      const time = Date.parse(/(\d{4}-\d\d-\d\dT[\d:]+Z)/.exec(line!)![1]!);
      expect(line).to.match(
        /^Samtycke till behandling av personuppgifter lämnades \S+ \(https:\/\/m\.se\/integritet\)$/,
      );
      expect(time).to.be.within(before - 1000, Date.now());
    });
  });

  describe('after sending', () => {
    it('should show success-message with the lead id in it', async () => {
      const el = await form('min-fill-time="0" success-message="Tack! Ditt ärende {leadId} är registrerat."');
      await fill(el, NAMES);
      submit(el);
      await sent(el);
      const id = (await mock.leads())[0]!.id;
      expect(root(el).querySelector('.success')!.textContent).to.contain(`Tack! Ditt ärende ${id} är registrerat.`);
    });

    it('should show the page own thank-you content from the success slot', async () => {
      const el = await form('min-fill-time="0"', '<div slot="success"><h2>Tack från Mäklarhuset</h2></div>');
      await fill(el, NAMES);
      submit(el);
      await sent(el);
      const slot = root(el).querySelector<HTMLSlotElement>('slot[name="success"]')!;
      expect(slot.assignedElements()[0]!.textContent).to.equal('Tack från Mäklarhuset');
    });

    it('should show a heading or introduction from the before slot, before the fields', async () => {
      const el = await form('min-fill-time="0"', '<h2 slot="before">Boka värdering</h2>');
      const slot = root(el).querySelector<HTMLSlotElement>('slot[name="before"]')!;
      expect(slot.assignedElements()[0]!.textContent).to.equal('Boka värdering');
      expect(
        slot.compareDocumentPosition(root(el).querySelector('.field')!) & Node.DOCUMENT_POSITION_FOLLOWING,
      ).to.not.equal(0);
    });
  });

  describe('spam', () => {
    it('should thank a bot that fills the honeypot, send nothing and tell the page', async () => {
      const el = await form('min-fill-time="0"');
      const seen: unknown[] = [];
      el.addEventListener('vitec-lead-form-bot', (event) => seen.push(event.detail));
      await fill(el, NAMES);
      const trap = root(el).querySelector<HTMLInputElement>('input[name="website"]')!;
      expect(trap.tabIndex).to.equal(-1);
      expect(trap.closest('[aria-hidden="true"]')).to.exist;
      trap.value = 'https://spam.example';
      submit(el);
      await sent(el);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await mock.leads()).to.have.length(0);
      expect(root(el).querySelector('.lead-id')).to.equal(null);
      expect(seen).to.deep.equal([{ reason: 'honeypot' }]);
    });

    it('should hold a submit faster than min-fill-time, tell the page, then send it: a person with autofill is never thanked for nothing', async () => {
      const el = await form('min-fill-time="1500"');
      const seen: { reason: string; holdMs?: number }[] = [];
      el.addEventListener('vitec-lead-form-bot', (event) => seen.push(event.detail));
      await fill(el, NAMES);
      submit(el);
      await el.updateComplete;
      expect(seen.map((detail) => detail.reason)).to.deep.equal(['too-fast']);
      expect(seen[0]!.holdMs).to.be.within(1, 1500);
      expect(root(el).querySelector('form')!.getAttribute('aria-busy')).to.equal('true');
      expect(root(el).querySelector('[role="status"]')!.textContent).to.match(/Skickar/);
      expect(root(el).querySelector('.success')).to.equal(null);
      expect(await mock.leads()).to.have.length(0);
      submit(el); // a second press while held sends nothing more
      await until(() => root(el).querySelector('.success'), 'the thank-you', 5000);
      const leads = await mock.leads();
      expect(leads).to.have.length(1);
      expect(root(el).querySelector('.lead-id')!.textContent).to.contain(leads[0]!.id);
    });

    it('should send after the minimum time has passed', async () => {
      const el = await form('min-fill-time="300"');
      await fill(el, NAMES);
      await new Promise((resolve) => setTimeout(resolve, 350));
      submit(el);
      await sent(el);
      expect(await mock.leads()).to.have.length(1);
    });
  });

  describe('data-layer', () => {
    afterEach(() => delete (window as { dataLayer?: unknown }).dataLayer);

    it('should push submit and success with the form id and lead id only', async () => {
      const el = await form('min-fill-time="0" data-layer');
      await fill(el, NAMES);
      submit(el);
      await sent(el);
      const id = (await mock.leads())[0]!.id;
      expect((window as unknown as { dataLayer: unknown[] }).dataLayer).to.deep.equal([
        { event: 'vitec_lead_form_submit', formId: 'kontakt' },
        { event: 'vitec_lead_form_success', formId: 'kontakt', leadId: id },
      ]);
    });

    it('should push an error event with no personal data', async () => {
      await mock.setMode({ status: 500, times: 1 });
      const el = await form('min-fill-time="0" data-layer');
      await fill(el, NAMES);
      submit(el);
      await until(() => (window as unknown as { dataLayer?: unknown[] }).dataLayer?.length === 2, 'two events');
      const pushed = JSON.stringify((window as unknown as { dataLayer: unknown[] }).dataLayer);
      expect(pushed).to.contain('vitec_lead_form_error');
      for (const personal of Object.values(NAMES)) expect(pushed).not.to.contain(personal);
    });

    it('should push nothing without the attribute', async () => {
      const el = await form('min-fill-time="0"');
      await fill(el, NAMES);
      submit(el);
      await sent(el);
      expect((window as { dataLayer?: unknown }).dataLayer).to.equal(undefined);
    });
  });

  describe('preview', () => {
    it('should validate and thank with no endpoint and no network', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        '<div><vitec-lead-form preview min-fill-time="0"></vitec-lead-form></div>',
      );
      const el = wrapper.querySelector<VitecLeadFormElement>('vitec-lead-form')!;
      await el.updateComplete;
      expect(root(el).textContent).to.contain('Förhandsvisning');
      const fetches: unknown[] = [];
      const original = window.fetch;
      window.fetch = (...args: Parameters<typeof fetch>) => {
        fetches.push(args);
        return original(...args);
      };
      try {
        submit(el);
        await el.updateComplete;
        expect(root(el).querySelector('.summary')).to.exist;
        await fill(el, NAMES);
        submit(el);
        await sent(el);
        expect(root(el).querySelector('.lead-id')!.textContent).to.contain('FÖRHANDSVISNING');
        expect(fetches).to.have.length(0);
      } finally {
        window.fetch = original;
      }
    });
  });
});
