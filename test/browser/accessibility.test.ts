import { expect, fixture } from '@open-wc/testing';
import { a11ySnapshot, executeServerCommand, findAccessibilityNode, sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { VitecLeadFormElement } from '../../src/element/lead-form.js';
import { axeViolations } from './axe.js';
import { contrast, driverHasNoCdp, engine, fill, input, mockAt, root, submit, until, viewport } from './helpers.js';

const mock = mockAt('a11y');
const ALL = 'firstName lastName socialSecurityNumber address email telephone message';
const NAMES = { firstName: 'Anna', lastName: 'Svensson', 'email.emailAddress': 'anna@example.se' };

async function form(attrs = ''): Promise<VitecLeadFormElement> {
  const wrapper = await fixture<HTMLDivElement>(
    `<main><h1>Kontakt</h1><vitec-lead-form min-fill-time="0" endpoint="${mock.endpoint}" customer-id="C" ${attrs}></vitec-lead-form></main>`,
  );
  const el = wrapper.querySelector<VitecLeadFormElement>('vitec-lead-form')!;
  await el.updateComplete;
  return el;
}

const statusRegion = (el: VitecLeadFormElement) => root(el).querySelector<HTMLElement>('[role="status"]')!;
const active = (el: VitecLeadFormElement) => root(el).activeElement as HTMLElement | null;

async function expectAccessible(el: VitecLeadFormElement) {
  expect(await axeViolations(el)).to.deep.equal([]);
}

describe('<vitec-lead-form> accessibility', () => {
  beforeEach(() => mock.reset());

  for (const lang of ['sv', 'en']) {
    describe(`in ${lang === 'sv' ? 'Swedish' : 'English'}`, () => {
      const attrs = `lang="${lang}" fields="${ALL}" required="firstName lastName address.city"`;

      it('should have no axe violations when empty', async () => {
        await expectAccessible(await form(attrs));
      });

      it('should have no axe violations with client errors', async () => {
        const el = await form(attrs);
        await fill(el, { socialSecurityNumber: '123', 'address.zipCode': '1', 'email.emailAddress': 'x@' });
        submit(el);
        await el.updateComplete;
        expect(root(el).querySelectorAll('[aria-invalid="true"]').length).to.be.greaterThan(3);
        await expectAccessible(el);
      });

      it('should have no axe violations with server errors', async () => {
        await mock.setMode({
          status: 400,
          times: 1,
          body: { ModelState: { 'lead.Person.FirstName': ['Spärrat.'], 'lead.Receiver': ['Okänd mottagare.'] } },
        });
        const el = await form(attrs);
        await fill(el, { ...NAMES, 'address.city': 'Stockholm' });
        submit(el);
        await until(() => root(el).querySelector('.summary'), 'the summary');
        await expectAccessible(el);
      });

      it('should have no axe violations while sending, once sent, and after a failure', async () => {
        await mock.setMode({ delayMs: 400, times: 1 });
        const el = await form(attrs);
        await fill(el, { ...NAMES, 'address.city': 'Stockholm' });
        submit(el);
        await el.updateComplete;
        await expectAccessible(el);
        await until(() => root(el).querySelector('.success'), 'the thank-you message');
        await expectAccessible(el);

        await mock.setMode({ status: 500, times: 1 });
        const failing = await form(attrs);
        await fill(failing, { ...NAMES, 'address.city': 'Stockholm' });
        submit(failing);
        await until(
          () => statusRegion(failing).textContent!.trim() && root(failing).querySelector('form[aria-busy="false"]'),
          'the failure',
        );
        await expectAccessible(failing);
      });
    });
  }

  describe('labels, hints and autofill', () => {
    const expected: [string, string, string, string][] = [
      // name, accessible name, autocomplete, type or inputmode
      ['firstName', 'Förnamn', 'given-name', 'text'],
      ['lastName', 'Efternamn', 'family-name', 'text'],
      ['socialSecurityNumber', 'Personnummer (valfritt)', 'off', 'text'],
      ['address.streetAddress', 'Gatuadress (valfritt)', 'address-line1', 'text'],
      ['address.zipCode', 'Postnummer (valfritt)', 'postal-code', 'numeric'],
      ['address.city', 'Ort (valfritt)', 'address-level2', 'text'],
      ['email.emailAddress', 'E-post', 'email', 'email'],
      ['telephone.cell', 'Mobiltelefon', 'mobile tel', 'tel'],
      ['telephone.home', 'Telefon hem', 'home tel', 'tel'],
      ['message', 'Meddelande (valfritt)', 'off', 'textarea'],
    ];

    it('should give every input its visible label as name, its hint as description, and the right autofill token', async function () {
      if (driverHasNoCdp) this.skip(); // the accessibility tree snapshot needs the DevTools protocol
      const el = await form(`fields="${ALL}"`);
      const snapshot = await a11ySnapshot({});
      for (const [name, label, autocomplete, kind] of expected) {
        const field = input(el, name);
        expect(field.getAttribute('autocomplete'), name).to.equal(autocomplete);
        const typeOrMode =
          field.getAttribute('inputmode') ?? (field.localName === 'textarea' ? 'textarea' : field.type);
        expect(typeOrMode, name).to.equal(kind);
        const node = findAccessibilityNode<{ name: string; description?: string }>(
          snapshot as never,
          (n) => n.name === label,
        );
        expect(node, `an accessible node named "${label}" for ${name}`).to.exist;
      }
      const pnr = findAccessibilityNode<{ name: string; description?: string }>(
        snapshot as never,
        (n) => n.name === 'Personnummer (valfritt)',
      );
      expect(pnr!.description).to.equal('ÅÅÅÅMMDD-NNNN');
      const zip = findAccessibilityNode<{ name: string; description?: string }>(
        snapshot as never,
        (n) => n.name === 'Postnummer (valfritt)',
      );
      expect(zip!.description).to.contain('123 45');
      const box = findAccessibilityNode<{ name: string; role: string }>(
        snapshot as never,
        (n) => n.role === 'checkbox',
      );
      expect(box!.name).to.equal('Utländskt nummer eller annat format');
    });

    it('should describe an invalid input by its error, with the hidden prefix', async function () {
      if (driverHasNoCdp) this.skip(); // the accessibility tree snapshot needs the DevTools protocol
      const el = await form(`fields="${ALL}"`);
      await fill(el, { socialSecurityNumber: '123' });
      submit(el);
      await el.updateComplete;
      const snapshot = await a11ySnapshot({});
      const pnr = findAccessibilityNode<{ name: string; description?: string; invalid?: string }>(
        snapshot as never,
        (n) => n.name === 'Personnummer (valfritt)',
      );
      expect(pnr!.description).to.contain('ÅÅÅÅMMDD-NNNN');
      expect(pnr!.description).to.contain('Fel: Ange ett giltigt personnummer');
      expect(pnr!.invalid).to.equal('true');
    });
  });

  describe('keyboard', () => {
    it('should move through the inputs in order, toggle the checkbox with Space and submit with Enter', async () => {
      const el = await form('fields="firstName lastName socialSecurityNumber email.emailAddress"');
      input(el, 'firstName').focus();
      const order: string[] = [];
      for (let i = 0; i < 5; i++) {
        order.push(active(el)!.getAttribute('name') ?? active(el)!.localName);
        await sendKeys({ press: 'Tab' });
      }
      expect(order).to.deep.equal([
        'firstName',
        'lastName',
        'socialSecurityNumber',
        'isForeignSocialSecurityNumber',
        'email.emailAddress',
      ]);
      expect(active(el)!.localName).to.equal('button');

      input(el, 'isForeignSocialSecurityNumber').focus();
      await sendKeys({ press: ' ' });
      expect(input(el, 'isForeignSocialSecurityNumber').checked).to.equal(true);

      input(el, 'firstName').focus();
      await sendKeys({ type: 'Anna' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'Svensson' });
      input(el, 'email.emailAddress').focus();
      await sendKeys({ type: 'anna@example.se' });
      await sendKeys({ press: 'Enter' });
      await until(() => root(el).querySelector('.success'), 'the thank-you message');
      expect(active(el)).to.equal(root(el).querySelector('.success'));
    });

    it('should put focus on the summary after a failed submit, and each link moves focus to its input', async () => {
      const el = await form();
      input(el, 'firstName').focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      const summary = root(el).querySelector<HTMLElement>('.summary')!;
      expect(active(el)).to.equal(summary);
      const links = [...summary.querySelectorAll('a')];
      const targets = ['firstName', 'lastName', 'email.emailAddress'];
      expect(links).to.have.length(targets.length);
      for (const [i, name] of targets.entries()) {
        summary.focus();
        for (let k = 0; k <= i; k++) await sendKeys({ press: 'Tab' });
        expect(active(el)).to.equal(links[i]);
        await sendKeys({ press: 'Enter' });
        expect(active(el)).to.equal(input(el, name));
      }
    });

    it('should announce sending, sent and failed through one live region', async () => {
      await mock.setMode({ delayMs: 300, times: 1 });
      const el = await form();
      const region = statusRegion(el);
      expect(region.getAttribute('role')).to.equal('status');
      await fill(el, NAMES);
      submit(el);
      await el.updateComplete;
      expect(region.textContent).to.contain('Skickar');
      await until(() => root(el).querySelector('.success'), 'the thank-you message');
      expect(statusRegion(el)).to.equal(region, 'the same region, so the change is announced');
      expect(region.textContent).to.contain('Tack');
      expect(region.textContent).to.match(/ärendenummer: [0-9a-f-]{36}/);

      // The same element again, now failing: still the same region.
      await mock.setMode({ status: 503, times: 2 });
      el.reset();
      await el.updateComplete;
      await fill(el, NAMES);
      submit(el);
      await until(() => statusRegion(el).textContent!.includes('Något gick fel'), 'the failure');
      expect(statusRegion(el)).to.equal(region, 'the same region through sending, sent and failed');
    });
  });

  describe('layout', () => {
    afterEach(() => viewport({ width: 800, height: 600 }));

    it('should reflow without horizontal scrolling at 320 CSS px', async function () {
      // The driver's window, MiniBrowser's, cannot be made narrower than its toolbar (447 px).
      if (engine === 'webkit') this.skip();
      await viewport({ width: 320, height: 640 });
      const el = await form(`fields="${ALL}"`);
      submit(el);
      await el.updateComplete;
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      for (const node of root(el).querySelectorAll<HTMLElement>('input, textarea, button, .summary')) {
        expect(node.getBoundingClientRect().right, node.outerHTML.slice(0, 60)).to.be.at.most(320);
      }
    });

    it('should make every control at least 24 by 24 CSS px', async () => {
      const el = await form(`fields="${ALL}"`);
      submit(el);
      await el.updateComplete;
      for (const node of root(el).querySelectorAll<HTMLElement>('.field input, textarea, button, .summary a')) {
        const box = node.getBoundingClientRect();
        expect(box.width, node.outerHTML.slice(0, 60)).to.be.at.least(24);
        expect(box.height, node.outerHTML.slice(0, 60)).to.be.at.least(24);
      }
    });

    it('should show a focus outline of at least 2 px with 3:1 contrast', async () => {
      const el = await form();
      input(el, 'firstName').focus();
      await sendKeys({ press: 'Tab' });
      const style = getComputedStyle(active(el)!);
      expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
      expect(style.outlineStyle).to.equal('solid');
      expect(contrast(style.outlineColor, 'rgb(255, 255, 255)')).to.be.at.least(3);
    });

    it('should give input borders 3:1 against the background in the default theme', async () => {
      const el = await form();
      const style = getComputedStyle(input(el, 'firstName'));
      expect(parseFloat(style.borderTopWidth)).to.be.at.least(1);
      expect(contrast(style.borderTopColor, 'rgb(255, 255, 255)')).to.be.at.least(3);
      expect(
        contrast(getComputedStyle(root(el).querySelector('button')!).backgroundColor, 'rgb(255, 255, 255)'),
      ).to.be.at.least(3);
    });

    it('should keep working with forced colors and reduced motion', async function () {
      if (driverHasNoCdp) this.skip(); // forced colors can be emulated only through the DevTools protocol
      await executeServerCommand('emulate-media-features', [
        { name: 'forced-colors', value: 'active' },
        { name: 'prefers-reduced-motion', value: 'reduce' },
      ]);
      try {
        const el = await form();
        submit(el);
        await el.updateComplete;
        expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
        expect(getComputedStyle(root(el).querySelector('.summary')!).borderStyle).to.equal('solid');
        expect(getComputedStyle(root(el).querySelector('.submit')!).borderTopStyle).to.equal('solid');
        expect(await axeViolations(el)).to.deep.equal([]);
      } finally {
        await executeServerCommand('emulate-media-features', []);
      }
    });
  });
});
