import { expect, fixture } from '@open-wc/testing';
import '../../src/index.js';
import type { VitecLeadFormElement } from '../../src/element/lead-form.js';
import { errorOf, fill, input, mockAt, root, submit, until } from './helpers.js';

// The element → the real relay → the real mock of Vitec, all mounted in the test runner.
const ENDPOINT = '/relay/element/PublicAdvertising/{customerId}/Contact/Person/Lead';
const vitec = mockAt('element-vitec');
const NAMES = { firstName: 'Anna', lastName: 'Svensson', 'email.emailAddress': 'anna@example.se' };

async function form(): Promise<VitecLeadFormElement> {
  const wrapper = await fixture<HTMLDivElement>(
    `<div><vitec-lead-form min-fill-time="0" endpoint="${ENDPOINT}" customer-id="C-42" lead-source-name="m.se"></vitec-lead-form></div>`,
  );
  const el = wrapper.querySelector('vitec-lead-form')!;
  await el.updateComplete;
  return el;
}

const statusText = (el: VitecLeadFormElement) => root(el).querySelector('[part="status"]')?.textContent?.trim() ?? '';

describe('<vitec-lead-form> through the relay', () => {
  beforeEach(async () => {
    // The first call creates the relay and its mock.
    await fetch('/relay/element/healthz');
    await vitec.reset();
  });

  it('should send a lead through the relay to Vitec and show the id', async () => {
    const el = await form();
    await fill(el, NAMES);
    submit(el);
    await until(() => root(el).querySelector('.success'), 'the thank-you message');
    const leads = await vitec.leads();
    expect(leads).to.have.length(1);
    expect(leads[0]!.customerId).to.equal('C-42');
    expect(leads[0]!.idempotencyKey).to.equal(undefined, 'the relay does not pass the key on to Vitec');
    expect(root(el).querySelector('.lead-id')!.textContent).to.contain(leads[0]!.id);
  });

  it('should put a Vitec 400 at its field', async () => {
    await vitec.setMode({
      status: 400,
      times: 1,
      body: { Message: 'The request is invalid.', ModelState: { 'lead.Person.LastName': ['Efternamnet är spärrat.'] } },
    });
    const el = await form();
    await fill(el, NAMES);
    submit(el);
    await until(() => errorOf(el, 'lastName'), 'the field error');
    expect(errorOf(el, 'lastName')).to.equal('Fel: Efternamnet är spärrat.');
  });

  for (const status of [401, 403]) {
    it(`should send once and say the lead cannot be sent now when Vitec answers ${status}: the relay is misconfigured`, async () => {
      await vitec.setMode({ status, times: 2 });
      const el = await form();
      await fill(el, NAMES);
      const events: CustomEvent[] = [];
      el.addEventListener('vitec-lead-form-error', (event) => events.push(event as unknown as CustomEvent));
      const posts: string[] = [];
      const original = window.fetch;
      window.fetch = (input, init) => {
        if (init?.method === 'POST') posts.push(String(input));
        return original(input, init);
      };
      try {
        submit(el);
        await until(() => events.length, 'the error event');
        // Long enough for the automatic retry, which must not come.
        await new Promise((resolve) => setTimeout(resolve, 1500));
      } finally {
        window.fetch = original;
      }
      expect(posts).to.have.length(1);
      expect(events[0]!.detail.status).to.equal(500);
      expect(statusText(el)).to.contain('kan inte skickas just nu');
      expect(statusText(el)).not.to.match(/försök igen/i);
      expect(root(el).textContent).not.to.match(/denied|401|403|behörighet|misconfigured/i);
      expect(input(el, 'firstName').value).to.equal('Anna');
    });
  }

  it("should send the form's language as Accept-Language, so the relay words its own errors in it", async () => {
    const headers: string[] = [];
    const original = window.fetch;
    window.fetch = (input, init) => {
      if (init?.method === 'POST') headers.push(new Headers(init.headers).get('accept-language') ?? '');
      return original(input, init);
    };
    try {
      for (const lang of ['en', 'sv']) {
        const wrapper = await fixture<HTMLDivElement>(
          `<div><vitec-lead-form lang="${lang}" min-fill-time="0" endpoint="${ENDPOINT}" customer-id="C-42" lead-source-name="m.se"></vitec-lead-form></div>`,
        );
        const el = wrapper.querySelector('vitec-lead-form')!;
        await el.updateComplete;
        await fill(el, NAMES);
        submit(el);
        await until(() => root(el).querySelector('.success'), 'the thank-you message');
      }
    } finally {
      window.fetch = original;
    }
    expect(headers).to.deep.equal(['en', 'sv']);
  });

  it('should make one lead when Vitec fails once: the form retries by itself with the same key', async () => {
    await vitec.setMode({ status: 503, times: 1 });
    const el = await form();
    await fill(el, NAMES);
    submit(el);
    await until(() => root(el).querySelector('.success'), 'the thank-you message');
    expect(await vitec.leads()).to.have.length(1);
  });

  it('should make one lead when the visitor sends again after a Vitec failure', async () => {
    await vitec.setMode({ status: 503, times: 2 });
    const el = await form();
    await fill(el, NAMES);
    submit(el);
    await until(() => statusText(el).includes('Något gick fel'), 'the failure');
    expect(input(el, 'firstName').value).to.equal('Anna');
    submit(el);
    await until(() => root(el).querySelector('.success'), 'the thank-you message');
    expect(await vitec.leads()).to.have.length(1);
  });
});
