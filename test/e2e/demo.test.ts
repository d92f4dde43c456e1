// `npm start`'s server: the demo's contact form sends a lead to the mock and shows the id it gave; its listing page
// books a viewing and registers an interest, and its valuation page asks for a valuation, through the same relay.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator } from 'playwright-core';
import { startDemoServer } from '../../demo/server.ts';
import { launch } from './harness.ts';

/** A form's required inputs, as a visitor fills them. */
async function fillPerson(form: Locator): Promise<void> {
  await form.getByLabel('Förnamn').fill('Anna');
  await form.getByLabel('Efternamn').fill('Svensson');
  await form.getByLabel('E-post').fill('anna@example.se');
}

describe('the demo (npm start)', () => {
  let browser: Browser;
  let demo: Awaited<ReturnType<typeof startDemoServer>>;

  before(async () => {
    browser = await launch();
    demo = await startDemoServer({ port: 0, host: '127.0.0.1' });
  });
  after(async () => {
    await browser?.close();
    await demo?.server.close();
  });

  /** A new tab on the demo with its contact form filled, the mock's leads forgotten. */
  async function valuationForm() {
    await fetch(`${demo.url}__vitec/__mock/leads`, { method: 'DELETE' });
    const tab = await browser.newPage();
    await tab.goto(demo.url);
    const form = tab.locator('#kontakt vitec-lead-form');
    await fillPerson(form);
    return { tab, form };
  }

  it('should send a lead from the contact form and show the id the mock gave', async () => {
    const { tab, form } = await valuationForm();
    // A submit sooner than min-fill-time (2 s) after the form appeared is held until then, and sent.
    await form.getByRole('button', { name: 'Skicka' }).click();
    const id = form.locator('.lead-id');
    await id.waitFor({ timeout: 15_000 });
    const { leads } = await (await fetch(`${demo.url}__vitec/__mock/leads`)).json();
    assert.equal(leads.length, 1);
    assert.match(await id.innerText(), new RegExp(leads[0].id));
    await tab.locator('#count').filter({ hasText: leads[0].id }).waitFor();
    await tab.close();
  });

  it("should send the same lead after the mock's 400 mode is switched back to normal, not replay the 400", async () => {
    const { tab, form } = await valuationForm();
    await tab.locator('#mode').selectOption({ label: '400, an error on the last name' });
    await form.getByRole('button', { name: 'Skicka' }).click();
    await form.locator('#input-lastName-error').waitFor({ timeout: 15_000 });
    await tab.locator('#mode').selectOption({ label: '200, a new lead (normal)' });
    await form.getByRole('button', { name: 'Skicka' }).click();
    await form.locator('.lead-id').waitFor({ timeout: 15_000 });
    const { leads } = await (await fetch(`${demo.url}__vitec/__mock/leads`)).json();
    assert.equal(leads.length, 1);
    await tab.close();
  });

  it('should keep a lead while the mock is down, show its receipt, and deliver it once the mock is back', async () => {
    const { tab, form } = await valuationForm();
    await tab.locator('#mode').selectOption({ label: '503, Vitec down (the relay keeps the lead and answers 202)' });
    await form.getByRole('button', { name: 'Skicka' }).click();
    const receipt = form.locator('.lead-id');
    await receipt.waitFor({ timeout: 15_000 });
    assert.match(await receipt.innerText(), /^Ditt kvitto: [0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await tab.locator('#outbox').filter({ hasText: '1 lead(s) queued in the relay' }).waitFor({ timeout: 5_000 });
    await tab.locator('#mode').selectOption({ label: '200, a new lead (normal)' });
    await tab.locator('#count').filter({ hasText: '1 lead(s) received' }).waitFor({ timeout: 20_000 });
    await tab.locator('#outbox').filter({ hasText: 'Nothing queued in the relay.' }).waitFor({ timeout: 5_000 });
    const { leads } = await (await fetch(`${demo.url}__vitec/__mock/leads`)).json();
    assert.equal(leads.length, 1);
    await tab.close();
  });

  it('should book a viewing and register an interest on the listing page, and ask for a valuation on its page', async () => {
    await fetch(`${demo.url}__vitec/__mock/leads`, { method: 'DELETE' });
    const tab = await browser.newPage();
    await tab.goto(`${demo.url}objekt.html`);
    const viewing = tab.locator('#objekt vitec-lead-form[kind="viewing"]');
    const slots = viewing.locator('.slot input');
    await slots.first().waitFor();
    assert.equal(await slots.count(), 4, "the villa's bookable slots");
    await slots.nth(1).check();
    await fillPerson(viewing);
    await viewing.getByRole('button', { name: 'Skicka' }).click();
    await viewing.locator('.success').filter({ hasText: 'Du är anmäld till visningen' }).waitFor({ timeout: 15_000 });
    // The terraced house has only past viewings: its form offers the interest form instead.
    const radhus = tab.locator('#radhus vitec-lead-form');
    await radhus.getByRole('button', { name: 'Anmäl intresse i stället' }).click();
    await fillPerson(radhus);
    await radhus.getByRole('button', { name: 'Skicka' }).click();
    await radhus.locator('.success').waitFor({ timeout: 15_000 });
    await tab.goto(`${demo.url}vardera.html`);
    const valuation = tab.locator('vitec-lead-form[kind="valuation"]');
    await fillPerson(valuation);
    await valuation.getByLabel('Gatuadress').fill('Storgatan 1');
    await valuation.getByLabel('Ort').fill('Stockholm');
    await valuation.getByRole('button', { name: 'Skicka' }).click();
    await valuation.locator('.success').waitFor({ timeout: 15_000 });
    const { leads } = (await (await fetch(`${demo.url}__vitec/__mock/leads`)).json()) as {
      leads: { kind: string; estateId?: string; lead: Record<string, unknown> }[];
    };
    assert.deepEqual(
      leads.map((lead) => [lead.kind, lead.estateId]),
      [
        ['viewing', 'DEMO-VILLA'],
        ['interest', 'DEMO-RADHUS'],
        ['valuation', undefined],
      ],
    );
    assert.equal(leads[0]!.lead.timeSlotId, 'V2-3');
    await tab.close();
  });
});
