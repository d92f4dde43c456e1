import { expect, fixture } from '@open-wc/testing';
import '../../src/index.js';
import type { VitecLeadFormElement } from '../../src/element/lead-form.js';
import { fill, input, mockAt, root, submit, until } from './helpers.js';

// Faults through the real relay (its timeout is 1 s in the test runner) and the real mock behind it.
const RELAY = '/relay/faults/PublicAdvertising/{customerId}/Contact/Person/Lead';
const vitec = mockAt('faults-vitec');
const direct = mockAt('reliability');
const NAMES = {
  firstName: 'Anna',
  lastName: 'Svensson',
  'email.emailAddress': 'anna@example.se',
  message: 'Ring efter fem.',
};

async function form(endpoint: string, attrs = ''): Promise<VitecLeadFormElement> {
  const wrapper = await fixture<HTMLDivElement>(
    `<div><vitec-lead-form id="f" min-fill-time="0" endpoint="${endpoint}" customer-id="C-42" ${attrs}></vitec-lead-form></div>`,
  );
  const el = wrapper.querySelector<VitecLeadFormElement>('vitec-lead-form')!;
  await el.updateComplete;
  return el;
}

const statusText = (el: VitecLeadFormElement) => root(el).querySelector('[role="status"]')?.textContent?.trim() ?? '';
const sent = (el: VitecLeadFormElement, ms = 8000) =>
  until(() => root(el).querySelector('.success'), 'the thank-you message', ms);
const leadIdShown = (el: VitecLeadFormElement) => root(el).querySelector('.lead-id')!.textContent!;

function expectKept(el: VitecLeadFormElement) {
  for (const [name, value] of Object.entries(NAMES)) expect(input(el, name).value, name).to.equal(value);
}

describe('<vitec-lead-form> under faults', () => {
  beforeEach(async () => {
    await fetch('/relay/faults/healthz');
    await vitec.reset();
    await direct.reset();
  });

  it('should send exactly once when Vitec is slower than the relay waits', async () => {
    await vitec.setMode({ delayMs: 1300, times: 1 });
    const el = await form(RELAY);
    await fill(el, NAMES);
    submit(el);
    await sent(el);
    const leads = await vitec.leads();
    expect(leads).to.have.length(1);
    expect(leadIdShown(el)).to.contain(leads[0]!.id);
  });

  it('should send exactly once when the connection to Vitec drops once', async () => {
    await vitec.setMode({ drop: true, times: 1 });
    const el = await form(RELAY);
    await fill(el, NAMES);
    submit(el);
    await sent(el);
    expect(await vitec.leads()).to.have.length(1);
  });

  it('should keep everything and say so when the relay is down, and send when it is back', async () => {
    const el = await form('http://127.0.0.1:9/PublicAdvertising/{customerId}/Contact/Person/Lead');
    await fill(el, NAMES);
    submit(el);
    await until(() => statusText(el).includes('Det gick inte att nå servern'), 'the failure', 8000);
    expectKept(el);
    el.endpoint = RELAY;
    await el.updateComplete;
    submit(el);
    await sent(el);
    expect(await vitec.leads()).to.have.length(1);
  });

  it('should keep everything when Vitec keeps failing, and make one lead once it recovers', async () => {
    await vitec.setMode({ status: 503 });
    const el = await form(RELAY);
    await fill(el, NAMES);
    submit(el);
    await until(() => statusText(el).includes('Något gick fel'), 'the failure', 8000);
    expectKept(el);
    expect(await vitec.leads()).to.have.length(0);
    await vitec.setMode({});
    submit(el);
    await sent(el);
    expect(await vitec.leads()).to.have.length(1);
  });

  it('should make one lead of a double click', async () => {
    await vitec.setMode({ delayMs: 200, times: 1 });
    const el = await form(RELAY);
    await fill(el, NAMES);
    const button = root(el).querySelector('button')!;
    button.click();
    button.click();
    await sent(el);
    expect(await vitec.leads()).to.have.length(1);
  });
});

describe('<vitec-lead-form> save-draft', () => {
  beforeEach(() => sessionStorage.clear());

  it('should bring back what was typed after a reload, and forget it after sending', async () => {
    const first = await form(direct.endpoint, 'save-draft');
    await fill(first, { firstName: 'Anna', 'email.emailAddress': 'anna@' });
    first.remove();
    const reloaded = await form(direct.endpoint, 'save-draft');
    expect(input(reloaded, 'firstName').value).to.equal('Anna');
    expect(input(reloaded, 'email.emailAddress').value).to.equal('anna@');
    await fill(reloaded, { lastName: 'Svensson', 'email.emailAddress': 'anna@example.se' });
    submit(reloaded);
    await sent(reloaded);
    reloaded.remove();
    const again = await form(direct.endpoint, 'save-draft');
    expect(input(again, 'firstName').value).to.equal('');
  });

  it('should forget the draft on reset()', async () => {
    const el = await form(direct.endpoint, 'save-draft');
    await fill(el, { firstName: 'Anna' });
    el.reset();
    await el.updateComplete;
    expect(input(el, 'firstName').value).to.equal('');
    el.remove();
    expect(input(await form(direct.endpoint, 'save-draft'), 'firstName').value).to.equal('');
  });

  it("should keep only the lead's inputs: not the honeypot, nor the consent box", async () => {
    const el = await form(direct.endpoint, 'save-draft consent-required');
    await fill(el, { firstName: 'Anna', website: 'http://spam.example' });
    // A real click: the box reports both `input` and `change`.
    input(el, 'consent').click();
    await el.updateComplete;
    expect(el.consent).to.equal(true);
    const key = Object.keys(sessionStorage).find((name) => name.startsWith('vitec-lead-form:draft:'))!;
    expect(JSON.parse(sessionStorage.getItem(key)!)).to.deep.equal({ firstName: 'Anna' });
  });

  it('should store nothing without the attribute', async () => {
    const el = await form(direct.endpoint);
    await fill(el, { firstName: 'Anna' });
    expect(sessionStorage.length).to.equal(0);
  });
});

describe('<vitec-lead-form> and hostile text', () => {
  const PAYLOAD = '<img src=x onerror="window.__xss=(window.__xss||0)+1">';
  const home = location.href;
  beforeEach(() => direct.reset());
  afterEach(() => history.replaceState(null, '', home));

  it('should render markup from fields, the URL, a server message and a lead id as text, executing nothing', async () => {
    history.replaceState(null, '', `/?utm_source=${encodeURIComponent(PAYLOAD)}`);
    await direct.setMode({
      status: 400,
      times: 1,
      body: { Message: PAYLOAD, ModelState: { 'lead.Person.FirstName': [PAYLOAD], lead: [PAYLOAD] } },
    });
    const el = await form(
      direct.endpoint,
      `fields="firstName lastName socialSecurityNumber address email telephone message" message='${PAYLOAD.replaceAll('"', '&quot;')}'`,
    );
    const values: Record<string, string> = {};
    for (const name of [
      'firstName',
      'lastName',
      'socialSecurityNumber',
      'address.streetAddress',
      'address.city',
      'email.emailAddress',
      'telephone.cell',
      'message',
    ])
      values[name] = PAYLOAD;
    await fill(el, values);
    submit(el);
    await el.updateComplete;
    await fill(el, {
      ...NAMES,
      socialSecurityNumber: '',
      'address.streetAddress': PAYLOAD,
      'address.city': 'Stockholm',
      'telephone.cell': '',
    });
    submit(el);
    await until(() => root(el).textContent!.includes('Mottagaren svarade'), 'the server message');
    expect(root(el).textContent).to.contain(PAYLOAD);
    await direct.setMode({ status: 200, times: 1, body: PAYLOAD });
    submit(el);
    await sent(el);
    expect(leadIdShown(el)).to.contain(PAYLOAD);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(root(el).querySelectorAll('img')).to.have.length(0);
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
    const lead = (await direct.leads()).at(-1);
    expect(lead, 'the mock answered from its mode: no lead stored').to.equal(undefined);
  });
});

describe('<vitec-lead-form> while the page is idle', () => {
  const idle = () =>
    new Promise((resolve) => (window.requestIdleCallback ?? setTimeout)(() => setTimeout(resolve, 50)));

  it('should check what is typed ahead of the first submit without showing, announcing or sending anything', async () => {
    await direct.reset();
    const el = await form(direct.endpoint);
    const events: string[] = [];
    for (const type of ['vitec-lead-form-submit', 'vitec-lead-form-error', 'vitec-lead-form-success'])
      el.addEventListener(type, () => events.push(type));
    // A wrong address and no names: what a check finds, and a submit would show.
    await fill(el, { 'email.emailAddress': 'anna@' });
    for (let i = 0; i < 3; i++) await idle();
    expect(root(el).querySelector('.summary')).to.equal(null);
    expect(root(el).querySelectorAll('[aria-invalid="true"]').length).to.equal(0);
    expect(statusText(el)).to.equal('');
    expect(events).to.deep.equal([]);
    expect(await direct.leads()).to.have.length(0);
    expect(input(el, 'email.emailAddress').value).to.equal('anna@');
  });
});
