// The form as a visitor and a site owner meet it. One `describe` per finding of a review (1–11), each of
// which failed on the code before its fix. Elements are compared as booleans where the old code would
// have found one: chai's report of a Lit element can take the browser minutes to serialise.
import { expect, fixture } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { VitecLeadFormElement } from '../../src/element/lead-form.js';
import { axeViolations } from './axe.js';
import { configError, contrast, errorOf, fill, input, mockAt, root, submit, until } from './helpers.js';

const mock = mockAt('visitor');
const ALL = 'firstName lastName socialSecurityNumber address email.emailAddress telephone.cell message';
const NAMES = { firstName: 'Anna', lastName: 'Svensson', 'email.emailAddress': 'anna@example.se' };
const RELAY = '/relay/visitor/PublicAdvertising/{customerId}/Contact/Person/Lead';
const relayVitec = mockAt('visitor-vitec');

/** The element in a wrapper of `width` px on a page of the given colour scheme. */
async function form(
  attrs = '',
  options: { width?: number; dark?: boolean; endpoint?: string } = {},
): Promise<VitecLeadFormElement> {
  const style = [
    `width: ${options.width ?? 640}px`,
    'padding: 16px',
    options.dark
      ? 'color-scheme: dark; background: #111; color: #eee'
      : 'color-scheme: light; background: #fff; color: #111',
  ].join('; ');
  const wrapper = await fixture<HTMLDivElement>(
    // `attrs` first: of two equal attributes, HTML keeps the first.
    `<main style="${style}"><vitec-lead-form ${attrs} min-fill-time="0" endpoint="${options.endpoint ?? mock.endpoint}" customer-id="C"></vitec-lead-form></main>`,
  );
  const el = wrapper.querySelector<VitecLeadFormElement>('vitec-lead-form')!;
  await el.updateComplete;
  return el;
}

const box = (node: Element) => node.getBoundingClientRect();
const statusOf = (el: VitecLeadFormElement) => root(el).querySelector<HTMLElement>('[role="status"]')!;
const sent = (el: VitecLeadFormElement) => until(() => root(el).querySelector('.success'), 'the thank-you');
const failed = (el: VitecLeadFormElement) => until(() => root(el).querySelector('.status-failed'), 'the failure');

describe('<vitec-lead-form> as a visitor and a site owner meet it', () => {
  beforeEach(() => mock.reset());

  describe('1. a fast person is never taken for a bot', () => {
    it('should send a lead submitted at once after autofill, once the minimum time has passed', async () => {
      const el = await form('min-fill-time="800"');
      const bot: string[] = [];
      el.addEventListener('vitec-lead-form-bot', (event) => bot.push(event.detail.reason));
      await fill(el, NAMES);
      submit(el);
      await sent(el);
      expect(await mock.leads()).to.have.length(1);
      expect(bot).to.deep.equal(['too-fast']);
    });
  });

  describe('2. misconfiguration says so', () => {
    it('should show a configuration error, not a form, without customer-id when the endpoint needs one', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        `<div><vitec-lead-form endpoint="${mock.endpoint}"></vitec-lead-form></div>`,
      );
      const el = wrapper.querySelector<VitecLeadFormElement>('vitec-lead-form')!;
      expect((await configError(el)).textContent).to.contain('customer-id');
      expect(root(el).querySelector('form') === null, 'no form').to.equal(true);
    });

    it('should show a configuration error for an endpoint that is neither http(s) nor a path', async () => {
      const el = await form('', { endpoint: 'ftp://relay.example/{customerId}' });
      expect((await configError(el)).textContent).to.contain('endpoint');
      expect(root(el).querySelector('form') === null, 'no form').to.equal(true);
    });

    it('should name the URL and the likely causes in the console when the endpoint cannot be reached', async () => {
      const errors: string[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
      try {
        // Port 9 (discard) on the loopback: nothing listens, so fetch itself fails, as with a relay that is
        // down or refuses the page's origin (CORS).
        const el = await form('', {
          endpoint: 'http://127.0.0.1:9/PublicAdvertising/{customerId}/Contact/Person/Lead',
        });
        await fill(el, NAMES);
        submit(el);
        await failed(el);
      } finally {
        console.error = original;
      }
      const note = errors.join('\n');
      expect(note).to.contain('http://127.0.0.1:9/PublicAdvertising/');
      expect(note).to.contain('ALLOWED_ORIGINS');
      expect(note).to.contain('connect-src');
      expect(note).to.contain(location.origin);
    });
  });

  describe('3. the contact rule is said once', () => {
    it('should group e-mail and phone under one line that says one is needed, neither marked optional', async () => {
      const el = await form();
      const group = input(el, 'email.emailAddress').closest('fieldset')!;
      expect(group, 'a fieldset').to.exist;
      expect(group.textContent).to.contain('Fyll i e-post eller telefon så att mäklaren kan svara dig');
      expect(group.querySelector('legend')).to.exist;
      for (const name of ['email.emailAddress', 'telephone.cell']) {
        expect(root(el).querySelector(`label[for="input-${name}"]`)!.textContent).not.to.contain('valfritt');
      }
    });
  });

  describe('4. the personnummer example is valid', () => {
    it('should take the example its own message gives', async () => {
      const el = await form(`fields="${ALL}"`);
      await fill(el, { ...NAMES, socialSecurityNumber: '19900101-0018' });
      submit(el);
      await el.updateComplete;
      const example = errorOf(el, 'socialSecurityNumber')!.match(/till exempel (\S+?),/)![1]!;
      await fill(el, { socialSecurityNumber: example });
      expect(errorOf(el, 'socialSecurityNumber')).to.equal(undefined);
      expect(input(el, 'socialSecurityNumber').hasAttribute('aria-invalid')).to.equal(false);
    });
  });

  describe('5. nothing jumps', () => {
    it('should keep every input where it is while the visitor fixes the errors, until the next submit', async () => {
      const el = await form(`fields="${ALL}"`);
      await fill(el, { 'address.zipCode': '12' });
      submit(el);
      await el.updateComplete;
      const inputs = [...root(el).querySelectorAll<HTMLElement>('.input')];
      // Relative to the element: focusing an input may scroll the page.
      const tops = () => inputs.map((node) => box(node).top - box(el).top);
      const before = tops();
      await fill(el, { firstName: 'Anna' });
      await fill(el, { lastName: 'Svensson' });
      await fill(el, { 'address.zipCode': '123 45' });
      await fill(el, { 'email.emailAddress': 'anna@example.se' });
      const after = tops();
      after.forEach((top, i) => expect(Math.abs(top - before[i]!), inputs[i]!.getAttribute('name')!).to.be.at.most(2));
      // Fixed, and marked so; the summary is still there.
      expect(root(el).querySelector('.summary')).to.exist;
      expect(input(el, 'lastName').hasAttribute('aria-invalid')).to.equal(false);
      expect(root(el).querySelectorAll('.summary .fixed').length).to.be.at.least(3);
    });

    it('should keep its height on success and offer to send another message', async () => {
      const el = await form();
      await fill(el, NAMES);
      const height = box(el).height;
      submit(el);
      await sent(el);
      expect(box(el).height).to.be.at.least(height - 2);
      const again = root(el).querySelector<HTMLButtonElement>('.send-another')!;
      expect(again.textContent).to.equal('Skicka ett nytt meddelande');
      again.click();
      await el.updateComplete;
      await el.updateComplete;
      expect(input(el, 'firstName').value).to.equal('');
      expect(root(el).activeElement).to.equal(input(el, 'firstName'));
    });
  });

  describe('6. looks', () => {
    it('should put first and last name, and postal code and city, side by side from 480 px, and size short inputs to their content', async () => {
      const el = await form(`fields="${ALL}"`, { width: 600 });
      const [first, last] = [box(input(el, 'firstName')), box(input(el, 'lastName'))];
      expect(first.top).to.equal(last.top);
      expect(last.left).to.be.greaterThan(first.right);
      const [zip, city] = [box(input(el, 'address.zipCode')), box(input(el, 'address.city'))];
      expect(zip.top).to.equal(city.top);
      expect(zip.width).to.be.below(140);
      expect(box(input(el, 'socialSecurityNumber')).width).to.be.below(220);
    });

    it('should keep the button on a row of its own, as wide as its text, after inputs that share a row', async () => {
      const el = await form('fields="firstName lastName address"', { width: 600 });
      const button = box(root(el).querySelector('button[type="submit"]')!);
      expect(button.top).to.be.greaterThan(box(input(el, 'address.city')).bottom);
      expect(button.width).to.be.below(200);
    });

    it('should use one column below 480 px, with no horizontal scroll at 320 px', async () => {
      const el = await form(`fields="${ALL}"`, { width: 288 });
      expect(box(input(el, 'lastName')).top).to.be.greaterThan(box(input(el, 'firstName')).bottom);
      submit(el);
      await el.updateComplete;
      for (const node of root(el).querySelectorAll<HTMLElement>('input, textarea, button, .summary')) {
        expect(box(node).right, node.outerHTML.slice(0, 60)).to.be.at.most(box(el).right + 0.5);
      }
    });

    it('should mark an errored input beyond colour and keep script focus frames off the summary and the thank-you', async () => {
      const el = await form();
      submit(el);
      await el.updateComplete;
      const style = getComputedStyle(input(el, 'firstName'));
      expect(parseFloat(style.borderLeftWidth)).to.be.greaterThan(parseFloat(style.borderTopWidth));
      const summary = root(el).querySelector<HTMLElement>('.summary')!;
      expect(root(el).activeElement).to.equal(summary);
      expect(getComputedStyle(summary).outlineStyle).to.equal('none');
      await fill(el, NAMES);
      submit(el);
      await sent(el);
      const success = root(el).querySelector<HTMLElement>('.success')!;
      expect(root(el).activeElement).to.equal(success);
      expect(getComputedStyle(success).outlineStyle).to.equal('none');
    });

    it('should draw a two-tone focus ring', async () => {
      const el = await form();
      const button = root(el).querySelector<HTMLElement>('button')!;
      input(el, 'message').focus();
      await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement).to.equal(button);
      const style = getComputedStyle(button);
      expect(style.outlineStyle).to.equal('solid');
      // The inner tone (the shadow, in the page's colour) stands out on the button; the outer one on the page.
      const gap = style.boxShadow.match(/rgba?\([^)]*\)/)![0];
      expect(contrast(gap, style.backgroundColor)).to.be.at.least(3);
      expect(contrast(style.outlineColor, gap)).to.be.at.least(3);
      expect(contrast(style.outlineColor, 'rgb(255, 255, 255)')).to.be.at.least(3);
    });

    it('should show a failure as an alert box with an icon', async () => {
      await mock.setMode({ status: 401, times: 2 });
      const el = await form();
      await fill(el, NAMES);
      submit(el);
      await failed(el);
      const status = statusOf(el);
      expect(status.querySelector('svg.status-icon')).to.exist;
      expect(parseFloat(getComputedStyle(status).borderTopWidth)).to.be.at.least(1);
    });
  });

  describe('7. dark pages', () => {
    it('should meet WCAG AA contrast on a #111 page with color-scheme dark', async () => {
      const el = await form('', { dark: true });
      submit(el);
      await el.updateComplete;
      const page = 'rgb(17, 17, 17)';
      expect(contrast(getComputedStyle(root(el).querySelector('.error')!).color, page)).to.be.at.least(4.5);
      expect(contrast(getComputedStyle(input(el, 'lastName')).borderTopColor, page)).to.be.at.least(3);
      const ring = getComputedStyle(input(el, 'firstName'));
      input(el, 'firstName').focus();
      expect(contrast(getComputedStyle(input(el, 'message')).borderTopColor, page)).to.be.at.least(3);
      expect(
        contrast(ring.getPropertyValue('--_focus') ? ring.getPropertyValue('--_focus') : ring.outlineColor, page),
      ).to.be.at.least(3);
      expect(await axeViolations(el.parentElement!)).to.deep.equal([]);
    });
  });

  describe('8. a way out when sending fails', () => {
    it('should not ask to try again when no retry can help, and offer the fallback e-mail and phone', async () => {
      await mock.setMode({
        status: 500,
        times: 2,
        body: { Code: 'relay-misconfigured', Message: 'The relay is misconfigured.' },
      });
      const el = await form(`fields="${ALL}" fallback-email="info@maklarhuset.se" fallback-phone="08-123 456 78"`);
      await fill(el, { ...NAMES, socialSecurityNumber: '19460823-9986', message: 'Jag vill boka en visning.' });
      submit(el);
      await failed(el);
      const status = statusOf(el);
      expect(status.textContent).not.to.match(/försök igen/i);
      const mail = status.querySelector<HTMLAnchorElement>('a[href^="mailto:"]')!;
      const url = new URL(mail.href);
      expect(url.pathname).to.equal('info@maklarhuset.se');
      const body = url.searchParams.get('body')!;
      expect(body)
        .to.contain('Anna')
        .and.contain('Svensson')
        .and.contain('anna@example.se')
        .and.contain('Jag vill boka en visning.');
      expect(body).not.to.contain('19460823');
      expect(url.searchParams.get('subject')).to.equal('Förfrågan från webbplatsen');
      expect(status.querySelector<HTMLAnchorElement>('a[href^="tel:"]')!.getAttribute('href')).to.equal(
        'tel:0812345678',
      );
      expect(status.textContent).to.contain('Mejla oss på info@maklarhuset.se eller ring 08-123 456 78');
    });

    it('should offer the fallback after a failure that lasted through the automatic retry', async () => {
      await mock.setMode({ status: 503, times: 2 });
      const el = await form('fallback-email="info@maklarhuset.se"');
      await fill(el, NAMES);
      submit(el);
      await failed(el);
      expect(statusOf(el).querySelector('a[href^="mailto:info@maklarhuset.se"]')).to.exist;
    });
  });

  describe('9. a refused lead can be sent again', () => {
    beforeEach(async () => {
      await fetch('/relay/visitor/healthz');
      await relayVitec.reset();
    });

    it('should send the same lead again after the relay refused it once, not replay the refusal', async () => {
      await relayVitec.setMode({
        status: 400,
        times: 1,
        body: { ModelState: { 'lead.Person.LastName': ['Tillfälligt fel.'] } },
      });
      const el = await form('', { endpoint: RELAY });
      await fill(el, NAMES);
      submit(el);
      await until(() => errorOf(el, 'lastName'), 'the refusal');
      submit(el);
      await sent(el);
      expect(await relayVitec.leads()).to.have.length(1);
    });
  });

  describe('10. privacy-policy-url is scheme-checked', () => {
    it('should refuse a javascript: URL with a configuration error and render no such link', async () => {
      const el = await form('privacy-policy-url="javascript:alert(1)"');
      expect(root(el).querySelector('a[href^="javascript"]') === null, 'no javascript: link').to.equal(true);
      expect((await configError(el)).textContent).to.contain('privacy-policy-url');
    });
  });

  describe('11. the consent record names the site', () => {
    it('should record the absolute policy URL', async () => {
      const el = await form('consent-required privacy-policy-url="/integritetspolicy"');
      await fill(el, { ...NAMES, consent: true });
      submit(el);
      await sent(el);
      const [lead] = await mock.leads();
      expect((lead!.lead as { message: string }).message).to.contain(`(${location.origin}/integritetspolicy)`);
    });
  });

  describe('axe in every state', () => {
    for (const lang of ['sv', 'en'] as const) {
      for (const dark of [false, true]) {
        it(`should find no violation empty, with errors, with errors fixed, failed with the fallback, sending, and sent (${lang}, ${dark ? 'dark' : 'light'})`, async function () {
          this.timeout(30000);
          const el = await form(
            `lang="${lang}" fields="${ALL}" fallback-email="info@maklarhuset.se" fallback-phone="08-123 456 78" privacy-policy-url="/integritet"`,
            { dark },
          );
          const scope = el.parentElement!;
          const check = async (state: string) => expect(await axeViolations(scope), state).to.deep.equal([]);
          await check('empty');
          submit(el);
          await el.updateComplete;
          await check('errors');
          await fill(el, NAMES);
          await check('errors fixed');
          await mock.setMode({ status: 503, times: 2 });
          submit(el);
          await failed(el);
          await check('failed with the fallback');
          await mock.setMode({ delayMs: 1500, times: 1 });
          submit(el);
          await until(() => root(el).querySelector('form[aria-busy="true"]'), 'sending');
          await check('sending');
          await sent(el);
          await check('sent');
        });
      }
    }
  });
});
