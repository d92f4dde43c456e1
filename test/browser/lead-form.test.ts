import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/index.js';
import type { VitecLeadFormElement } from '../../src/element/lead-form.js';
import { styles } from '../../src/element/lead-form.styles.js';
import { validateLead } from '../../src/lead/lead-schema.js';
import { hasEmpty } from '../support/lead-shape.js';
import { errorOf, fill, input, mockAt, root, submit, until, viewport } from './helpers.js';

const mock = mockAt('lead-form');
const NAMES = { firstName: 'Anna', lastName: 'Svensson', 'email.emailAddress': 'anna@example.se' };
const NAMES_ONLY = { firstName: 'Anna', lastName: 'Svensson' };

async function form(attrs = '', slot = ''): Promise<VitecLeadFormElement> {
  const wrapper = await fixture<HTMLDivElement>(
    `<div><vitec-lead-form min-fill-time="0" endpoint="${mock.endpoint}" customer-id="C-42" lead-source-name="maklarhuset.se" ${attrs}>${slot}</vitec-lead-form></div>`,
  );
  const el = wrapper.querySelector('vitec-lead-form')!;
  await el.updateComplete;
  return el;
}

const names = (el: VitecLeadFormElement) =>
  [...root(el).querySelectorAll<HTMLInputElement>('.field input, .field textarea')].map((i) => i.name);
const statusText = (el: VitecLeadFormElement) => root(el).querySelector('[part="status"]')?.textContent?.trim() ?? '';
const summary = (el: VitecLeadFormElement) => root(el).querySelector<HTMLElement>('.summary');

async function sent(el: VitecLeadFormElement) {
  await until(() => root(el).querySelector('.success'), 'the thank-you message');
}

async function failed(el: VitecLeadFormElement) {
  await until(() => (statusText(el) || summary(el)) && !root(el).querySelector('form[aria-busy="true"]'), 'a failure');
}

describe('<vitec-lead-form>', () => {
  beforeEach(() => mock.reset());

  it('should adopt its stylesheet as its first render begins, not at the upgrade (no frame of an empty element between them)', async () => {
    const el = document.createElement('vitec-lead-form');
    el.setAttribute('endpoint', mock.endpoint);
    el.setAttribute('customer-id', 'C-42');
    document.body.append(el);
    try {
      // Upgraded as it connects: a shadow root with no stylesheet, so that the page has nothing new to draw yet.
      expect(el.shadowRoot!.adoptedStyleSheets).to.have.length(0);
      expect(getComputedStyle(el).display).to.equal('inline');
      await el.updateComplete;
      expect(el.shadowRoot!.adoptedStyleSheets[0]).to.equal(styles.styleSheet);
      expect(getComputedStyle(el).display).to.equal('block');
      expect(getComputedStyle(input(el, 'firstName')).borderTopWidth).to.equal('2px');
    } finally {
      el.remove();
    }
  });

  it('should be accessible', async () => {
    const el = await form();
    await expect(el).to.be.accessible();
  });

  describe('when rendered with the defaults', () => {
    it('should show the default inputs in a real form with novalidate', async () => {
      const el = await form();
      expect(names(el)).to.deep.equal(['firstName', 'lastName', 'email.emailAddress', 'telephone.cell', 'message']);
      expect(root(el).querySelector('form')!.noValidate).to.equal(true);
      expect(root(el).querySelector('button[type="submit"]')).to.exist;
    });

    it('should mark only the optional inputs, and say the contact rule once instead of calling e-mail and phone optional', async () => {
      const el = await form();
      const label = (name: string) =>
        root(el).querySelector(`label[for="input-${name}"]`)!.textContent!.replace(/\s+/g, ' ').trim();
      expect(label('firstName')).to.equal('Förnamn');
      expect(label('message')).to.equal('Meddelande (valfritt)');
      expect(label('email.emailAddress')).to.equal('E-post');
      expect(label('telephone.cell')).to.equal('Mobiltelefon');
      const group = input(el, 'email.emailAddress').closest('fieldset')!;
      expect(group).to.equal(input(el, 'telephone.cell').closest('fieldset'));
      expect(group.querySelector('legend')!.textContent).to.equal('Hur når mäklaren dig?');
      expect(root(el).getElementById(group.getAttribute('aria-describedby')!)!.textContent).to.equal(
        'Fyll i e-post eller telefon så att mäklaren kan svara dig.',
      );
      expect(input(el, 'firstName').closest('fieldset')).to.equal(null);
    });

    it('should give the contact rule error to the pair, and not call a lone contact input optional', async () => {
      const el = await form();
      await fill(el, NAMES_ONLY);
      submit(el);
      await el.updateComplete;
      const group = input(el, 'email.emailAddress').closest('fieldset')!;
      const error = group.querySelector('.error')!;
      expect(error.textContent).to.contain('e-postadress eller ett telefonnummer');
      for (const name of ['email.emailAddress', 'telephone.cell']) {
        expect(input(el, name).getAttribute('aria-invalid')).to.equal('true');
        expect(input(el, name).getAttribute('aria-describedby')).to.contain(error.id);
      }
      const lone = await form('fields="firstName lastName email.emailAddress"');
      expect(root(lone).querySelector('label[for="input-email.emailAddress"]')!.textContent!.trim()).to.equal('E-post');
      expect(root(lone).querySelector('fieldset')).to.equal(null);
    });

    it('should prefill the message box from the message attribute', async () => {
      const el = await form('message="Jag vill boka en värdering av Storgatan 1."');
      expect(input(el, 'message').value).to.equal('Jag vill boka en värdering av Storgatan 1.');
    });
  });

  describe('when fields and required are set', () => {
    it('should show groups as their members, personnummer with its checkbox', async () => {
      const el = await form(
        'fields="firstName lastName socialSecurityNumber address telephone" required="firstName lastName address.city"',
      );
      expect(names(el)).to.deep.equal([
        'firstName',
        'lastName',
        'socialSecurityNumber',
        'isForeignSocialSecurityNumber',
        'address.streetAddress',
        'address.zipCode',
        'address.city',
        'telephone.home',
        'telephone.work',
        'telephone.cell',
        'telephone.other',
      ]);
      expect(root(el).querySelector('label[for="input-address.city"]')!.textContent).not.to.contain('valfritt');
      expect(root(el).querySelector('label[for="input-address.zipCode"]')!.textContent).to.contain('valfritt');
    });

    it('should show a configuration message for an unknown name and never post', async () => {
      const el = await form('fields="firstName lastName phone"');
      expect(root(el).querySelector('form')).to.equal(null);
      expect(root(el).textContent).to.contain('phone');
      expect(await mock.leads()).to.have.length(0);
    });
  });

  describe('when endpoint is missing', () => {
    it('should show a configuration error and have no form to send', async () => {
      const el = await fixture<VitecLeadFormElement>(
        html`<vitec-lead-form min-fill-time="0" customer-id="C-42"></vitec-lead-form>`,
      );
      expect(root(el).querySelector('form')).to.equal(null);
      expect(root(el).querySelector('[role="alert"]')!.textContent).to.contain('endpoint');
    });
  });

  describe('when the visitor types and presses Enter', () => {
    it('should POST once to the endpoint with the customer id, a valid lead with no empty strings, and show the id', async () => {
      const el = await form('agent-id="AG-7"');
      input(el, 'firstName').focus();
      await sendKeys({ type: '  Anna ' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'Svensson' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'anna@example.se' });
      await sendKeys({ press: 'Enter' });
      await sent(el);
      const leads = await mock.leads();
      expect(leads).to.have.length(1);
      expect(leads[0]!.customerId).to.equal('C-42');
      const lead = leads[0]!.lead;
      expect(validateLead(lead).success).to.equal(true);
      expect(hasEmpty(lead)).to.equal(false);
      expect(lead).to.deep.equal({
        person: { firstName: 'Anna', lastName: 'Svensson', email: { emailAddress: 'anna@example.se' } },
        receiver: { agent: { id: 'AG-7' } },
        leadSource: { leadType: 'AcceptObjectFlow', name: 'maklarhuset.se' },
      });
      expect(root(el).querySelector('.lead-id')!.textContent).to.contain(leads[0]!.id);
      expect(root(el).activeElement).to.equal(root(el).querySelector('.success'));
    });

    it('should send normalised personnummer and postal code', async () => {
      const el = await form('fields="firstName lastName socialSecurityNumber address.zipCode email"');
      await fill(el, { ...NAMES, socialSecurityNumber: '900101-0017', 'address.zipCode': '12345' });
      submit(el);
      await sent(el);
      const person = (await mock.leads())[0]!.lead.person as Record<string, unknown>;
      expect(person.socialSecurityNumber).to.equal('19900101-0017');
      expect(person.address).to.deep.equal({ zipCode: '123 45' });
    });

    it('should send a foreign number as typed, with its flag', async () => {
      const el = await form('fields="firstName lastName socialSecurityNumber email"');
      await fill(el, { ...NAMES, socialSecurityNumber: 'N-12345678', isForeignSocialSecurityNumber: true });
      submit(el);
      await sent(el);
      const person = (await mock.leads())[0]!.lead.person as Record<string, unknown>;
      expect(person.socialSecurityNumber).to.equal('N-12345678');
      expect(person.isForeignSocialSecurityNumber).to.equal(true);
    });

    it('should send the receiver and lead type attributes as given', async () => {
      const el = await form(
        'lead-type="ContactRequest" user-group-id="G1" office-id="O1" office-customer-id="OC1" agent-email="maklare@m.se"',
      );
      await fill(el, NAMES);
      submit(el);
      await sent(el);
      const lead = (await mock.leads())[0]!.lead;
      expect(lead.receiver).to.deep.equal({
        agent: { email: 'maklare@m.se' },
        userGroup: { id: 'G1' },
        office: { id: 'O1', customerId: 'OC1' },
      });
      expect(lead.leadSource).to.deep.equal({ leadType: 'ContactRequest', name: 'maklarhuset.se' });
    });

    it('should default the lead source name to the host name', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        `<div><vitec-lead-form min-fill-time="0" endpoint="${mock.endpoint}" customer-id="C"></vitec-lead-form></div>`,
      );
      const el = wrapper.querySelector('vitec-lead-form')!;
      await fill(el, NAMES);
      submit(el);
      await sent(el);
      expect(((await mock.leads())[0]!.lead.leadSource as { name: string }).name).to.equal(location.hostname);
    });

    it('should ignore a second submit while sending', async () => {
      await mock.setMode({ delayMs: 300, times: 1 });
      const el = await form();
      await fill(el, NAMES);
      submit(el);
      await el.updateComplete;
      expect(root(el).querySelector('button')!.getAttribute('aria-disabled')).to.equal('true');
      expect(statusText(el)).to.equal('Skickar din förfrågan…');
      submit(el);
      submit(el);
      await sent(el);
      expect(await mock.leads()).to.have.length(1);
    });
  });

  describe('when the input is wrong', () => {
    it('should show each error at its field and in a focused summary, and send nothing', async () => {
      const el = await form();
      await fill(el, { firstName: 'A'.repeat(31), 'email.emailAddress': 'anna@' });
      submit(el);
      await el.updateComplete;
      expect(errorOf(el, 'firstName')).to.equal('Fel: Förnamn får vara högst 30 tecken');
      expect(errorOf(el, 'lastName')).to.equal('Fel: Ange ditt efternamn');
      expect(errorOf(el, 'email.emailAddress')).to.contain('e-postadress i rätt format');
      expect(input(el, 'firstName').getAttribute('aria-invalid')).to.equal('true');
      expect(input(el, 'telephone.cell').hasAttribute('aria-invalid')).to.equal(false);
      expect(root(el).activeElement).to.equal(summary(el));
      expect([...summary(el)!.querySelectorAll('a')].map((a) => a.textContent)).to.have.length(3);
      expect(input(el, 'firstName').value).to.equal('A'.repeat(31));
      expect(await mock.leads()).to.have.length(0);
    });

    it('should ask for an email or a phone so the broker can answer', async () => {
      const el = await form();
      await fill(el, { firstName: 'Anna', lastName: 'Svensson' });
      submit(el);
      await el.updateComplete;
      expect(errorOf(el, 'email.emailAddress')).to.contain('e-postadress eller ett telefonnummer');
    });

    it('should refuse a wrong personnummer at its field', async () => {
      const el = await form('fields="firstName lastName socialSecurityNumber email"');
      await fill(el, { ...NAMES, socialSecurityNumber: '19900101-0018' });
      submit(el);
      await el.updateComplete;
      expect(errorOf(el, 'socialSecurityNumber')).to.contain('giltigt personnummer');
      const describedBy = input(el, 'socialSecurityNumber').getAttribute('aria-describedby')!;
      expect(describedBy.split(' ')).to.include.members([
        'input-socialSecurityNumber-hint',
        'input-socialSecurityNumber-error',
      ]);
    });

    it('should not show errors while typing a first time, and recheck a field as the visitor leaves it after a submit', async () => {
      const el = await form();
      input(el, 'email.emailAddress').focus();
      await sendKeys({ type: 'anna@' });
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      expect(errorOf(el, 'email.emailAddress')).to.equal(undefined);
      submit(el);
      await el.updateComplete;
      expect(errorOf(el, 'email.emailAddress')).to.exist;
      input(el, 'email.emailAddress').focus();
      await sendKeys({ type: 'example.se' });
      expect(errorOf(el, 'email.emailAddress')).to.exist;
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      expect(errorOf(el, 'email.emailAddress')).to.equal(undefined);
    });

    it('should send when the visitor fixes the last error and clicks the button straight from the field', async () => {
      // Tall enough that nothing scrolls: scroll anchoring would otherwise hide a button that moves.
      await viewport({ width: 800, height: 1400 });
      const el = await form();
      submit(el);
      await el.updateComplete;
      input(el, 'firstName').focus();
      await sendKeys({ type: 'Anna' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'Svensson' });
      input(el, 'email.emailAddress').focus();
      await sendKeys({ type: 'anna@example.se' });
      // A real click while the email input has focus: its error (above the button) must not vanish
      // between press and release, or the button moves from under the pointer.
      const box = root(el).querySelector('button')!.getBoundingClientRect();
      try {
        await sendMouse({
          type: 'click',
          position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
        });
      } finally {
        await resetMouse();
        await viewport({ width: 800, height: 600 });
      }
      await sent(el);
      expect(await mock.leads()).to.have.length(1);
    });

    it('should announce the summary through an alert inside it, not on the element that takes focus', async () => {
      const el = await form();
      submit(el);
      await el.updateComplete;
      expect(root(el).activeElement).to.equal(summary(el));
      expect(summary(el)!.getAttribute('role')).to.equal(null);
      const alert = summary(el)!.querySelector('[role="alert"]');
      expect(alert?.textContent).to.contain('Det finns ett problem');
      expect(alert?.querySelectorAll('a')).to.have.length(3);
    });

    it('should scroll the legend of a group into view when its error is chosen in the summary', async () => {
      const el = await form('fields="firstName lastName email.emailAddress telephone.cell"');
      submit(el);
      await el.updateComplete;
      const legend = root(el).querySelector('legend')!;
      const scrolled: Element[] = [];
      const original = Element.prototype.scrollIntoView;
      Element.prototype.scrollIntoView = function (this: Element) {
        scrolled.push(this);
      };
      try {
        const link = [...summary(el)!.querySelectorAll('a')].find(
          (a) => a.getAttribute('href') === '#input-email.emailAddress',
        )!;
        link.click();
      } finally {
        Element.prototype.scrollIntoView = original;
      }
      expect(scrolled).to.deep.equal([legend]);
      expect(root(el).activeElement).to.equal(input(el, 'email.emailAddress'));
    });

    it('should move focus to the input when its summary link is chosen', async () => {
      const el = await form();
      submit(el);
      await el.updateComplete;
      summary(el)!.querySelectorAll('a')[1]!.click();
      expect(root(el).activeElement).to.equal(input(el, 'lastName'));
    });
  });

  describe('when the endpoint answers', () => {
    it('should put Vitec 400 errors at their fields and keep what was typed', async () => {
      await mock.setMode({
        status: 400,
        times: 1,
        body: {
          Message: 'The request is invalid.',
          ModelState: { 'lead.Person.FirstName': ['Förnamnet är spärrat.'] },
        },
      });
      const el = await form();
      await fill(el, NAMES);
      submit(el);
      await failed(el);
      expect(errorOf(el, 'firstName')).to.equal('Fel: Förnamnet är spärrat.');
      expect(root(el).activeElement).to.equal(summary(el));
      expect(input(el, 'firstName').value).to.equal('Anna');
      submit(el);
      await sent(el);
    });

    it('should show ProblemDetails errors on hidden fields as a form message', async () => {
      await mock.setMode({
        status: 400,
        times: 1,
        body: {
          title: 'One or more validation errors occurred.',
          errors: { '$.person.socialSecurityNumber': ['Ogiltigt.'] },
        },
      });
      const el = await form();
      await fill(el, NAMES);
      submit(el);
      await failed(el);
      expect(summary(el)!.textContent).to.contain('Ogiltigt.');
    });

    for (const status of [401, 403]) {
      it(`should tell the visitor the form cannot send on ${status}, and the developer why`, async () => {
        await mock.setMode({ status, times: 1 });
        const errors: unknown[][] = [];
        const original = console.error;
        console.error = (...args: unknown[]) => errors.push(args);
        try {
          const el = await form();
          await fill(el, NAMES);
          const event = oneEvent(el, 'vitec-lead-form-error');
          submit(el);
          const { detail } = await event;
          expect(detail.status).to.equal(status);
          expect(statusText(el)).to.contain('kan inte skickas just nu');
          expect(statusText(el)).not.to.match(/försök igen/i);
          expect(String(errors[0]?.[0])).to.contain(String(status));
          expect(input(el, 'email.emailAddress').value).to.equal('anna@example.se');
        } finally {
          console.error = original;
        }
      });
    }

    it('should ask to try later on 429, with Retry-After', async () => {
      await mock.setMode({ status: 429, times: 1 });
      const el = await form();
      await fill(el, NAMES);
      submit(el);
      await failed(el);
      expect(statusText(el)).to.contain('30 sekunder');
      submit(el);
      await sent(el);
    });

    it('should retry once by itself on 503 and make one lead', async () => {
      await mock.setMode({ status: 503, times: 1 });
      const el = await form();
      await fill(el, NAMES);
      submit(el);
      await sent(el);
      expect(await mock.leads()).to.have.length(1);
    });

    for (const status of [500, 502, 503]) {
      it(`should show a form-level error on ${status} (after its one retry) and send again`, async () => {
        // 500 is not retried; a gateway error is, once.
        await mock.setMode({ status, times: status === 500 ? 1 : 2 });
        const el = await form();
        await fill(el, NAMES);
        submit(el);
        await failed(el);
        expect(statusText(el)).to.contain('Något gick fel');
        expect(input(el, 'lastName').value).to.equal('Svensson');
        submit(el);
        await sent(el);
        expect(await mock.leads()).to.have.length(1);
      });
    }

    it('should report a dropped connection and send again', async () => {
      // Chrome retries a request once by itself when a reused connection closes with no answer, so
      // the mock drops every request until told otherwise.
      await mock.setMode({ drop: true });
      const el = await form();
      await fill(el, NAMES);
      submit(el);
      await failed(el);
      expect(statusText(el)).to.contain('Det gick inte att nå servern');
      expect(input(el, 'firstName').value).to.equal('Anna');
      await mock.setMode({});
      submit(el);
      await sent(el);
    });

    it('should give up after its timeout and keep everything', async () => {
      await mock.setMode({ delayMs: 1500, times: 1 });
      const el = await form('timeout="200"');
      await fill(el, NAMES);
      submit(el);
      await failed(el);
      expect(statusText(el)).to.contain('svarade inte i tid');
      expect(input(el, 'firstName').value).to.equal('Anna');
    });

    it('should say so when offline and keep everything', async () => {
      const el = await form();
      await fill(el, NAMES);
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
      try {
        submit(el);
        await failed(el);
        expect(statusText(el)).to.contain('offline');
        expect(input(el, 'firstName').value).to.equal('Anna');
      } finally {
        delete (navigator as unknown as Record<string, unknown>).onLine;
      }
      expect(await mock.leads()).to.have.length(0);
    });
  });

  describe('events', () => {
    it('should let a submit handler change the lead', async () => {
      const el = await form();
      await fill(el, NAMES);
      el.addEventListener('vitec-lead-form-submit', (event) => {
        event.detail.lead = { ...event.detail.lead, message: 'Från kampanjsidan' };
      });
      const success = oneEvent(el, 'vitec-lead-form-success');
      submit(el);
      const { detail } = await success;
      const leads = await mock.leads();
      expect(detail.leadId).to.equal(leads[0]!.id);
      expect(detail.lead.message).to.equal('Från kampanjsidan');
      expect(leads[0]!.lead.message).to.equal('Från kampanjsidan');
    });

    it('should send nothing when the submit event is cancelled', async () => {
      const el = await form();
      await fill(el, NAMES);
      el.addEventListener('vitec-lead-form-submit', (event) => event.preventDefault());
      submit(el);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await mock.leads()).to.have.length(0);
    });

    it('should bubble out of the shadow root to the document', async () => {
      const el = await form();
      await fill(el, NAMES);
      const event = oneEvent(document, 'vitec-lead-form-submit');
      submit(el);
      expect((await event).composed).to.equal(true);
      await sent(el);
    });

    it('should give the field errors in the error event', async () => {
      await mock.setMode({ status: 400, times: 1, body: { ModelState: { 'lead.Person.LastName': ['Fel.'] } } });
      const el = await form();
      await fill(el, NAMES);
      const event = oneEvent(el, 'vitec-lead-form-error');
      submit(el);
      const { detail } = await event;
      expect(detail).to.deep.include({ status: 400 });
      expect(detail.fieldErrors).to.deep.equal({ lastName: 'Fel.' });
    });
  });

  describe('when lang is English', () => {
    it('should show every word in English', async () => {
      const el = await form(
        'lang="en" fields="firstName lastName socialSecurityNumber address email telephone message"',
      );
      submit(el);
      await el.updateComplete;
      const text = root(el).textContent!.replace(/\s+/g, ' ');
      expect(text).to.contain('There is a problem');
      expect(text).to.contain('Enter your first name');
      expect(text).to.contain('Postal code (optional)');
      expect(text).to.contain('Foreign number or other format');
      expect(text).to.contain('Error:');
      expect(text).not.to.match(/Förnamn|valfritt|Skicka|Fel:/);
      await expect(el).to.be.accessible();
    });

    it('should follow the closest lang of the page', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        `<div lang="en-GB"><vitec-lead-form min-fill-time="0" endpoint="${mock.endpoint}" customer-id="C"></vitec-lead-form></div>`,
      );
      const el = wrapper.querySelector('vitec-lead-form')!;
      await el.updateComplete;
      expect(root(el).querySelector('button')!.textContent!.trim()).to.equal('Send');
    });
  });
});
