import { expect, fixture } from '@open-wc/testing';
import '../../src/index.js';
import type { VitecLeadFormElement } from '../../src/element/lead-form.js';
import type { LeadSuccessDetail } from '../../src/element/lead-events.js';
import { axeViolations } from './axe.js';
import { fill, mockAt, root, submit, until } from './helpers.js';

// The element → a relay with an outbox → a mock of Vitec that is down: the lead is kept, and the visitor is told so.
const ENDPOINT = '/relay/outbox-element/PublicAdvertising/{customerId}/Contact/Person/Lead';
const vitec = mockAt('outbox-element-vitec');
const NAMES = { firstName: 'Anna', lastName: 'Svensson', 'email.emailAddress': 'anna@example.se' };

async function form(lang: 'sv' | 'en'): Promise<VitecLeadFormElement> {
  const wrapper = await fixture<HTMLDivElement>(
    `<div><vitec-lead-form lang="${lang}" min-fill-time="0" endpoint="${ENDPOINT}" customer-id="C-42" lead-source-name="m.se" data-layer fallback-email="info@m.se"></vitec-lead-form></div>`,
  );
  const el = wrapper.querySelector('vitec-lead-form')!;
  await el.updateComplete;
  return el;
}

describe('<vitec-lead-form> when the relay queues the lead', () => {
  beforeEach(async () => {
    await fetch('/relay/outbox-element/healthz');
    await vitec.reset();
    await vitec.setMode({ status: 503 });
  });
  after(() => vitec.reset());

  for (const [lang, body, receipt] of [
    ['sv', 'Vi har tagit emot din förfrågan, och den når mäklaren inom kort.', 'Ditt kvitto:'],
    ['en', 'We have received your enquiry, and it will reach the broker shortly.', 'Your receipt:'],
  ] as const) {
    it(`should thank the visitor, say it will reach the broker, and show the receipt (${lang})`, async () => {
      const el = await form(lang);
      const events: LeadSuccessDetail[] = [];
      el.addEventListener('vitec-lead-form-success', (event) => events.push((event as CustomEvent).detail));
      const dataLayer = ((window as unknown as { dataLayer?: unknown[] }).dataLayer ??= []);
      const pushed = dataLayer.length;
      await fill(el, NAMES);
      submit(el);
      await until(() => root(el).querySelector('.success'), 'the thank-you');
      const success = root(el).querySelector('.success')!;
      expect(success.textContent).to.contain(body);
      const shown = root(el).querySelector('.lead-id')!.textContent!;
      expect(shown).to.match(new RegExp(`^${receipt} [0-9A-Z]{4}-[0-9A-Z]{4}$`));
      expect(events).to.have.length(1);
      const detail = events[0]!;
      expect(detail.queued).to.equal(true);
      expect(detail.queued && detail.receipt).to.equal(shown.slice(receipt.length + 1));
      expect('leadId' in detail).to.equal(false);
      expect(dataLayer.slice(pushed).at(-1)).to.deep.include({ event: 'vitec_lead_form_success', queued: true });
      expect(root(el).querySelector('a[href^="mailto:"]'), 'no fallback for a lead that is kept').to.equal(null);
      expect(await vitec.leads()).to.have.length(0);
      expect(await axeViolations(el)).to.deep.equal([]);
    });
  }
});
