import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { VitecLeadFormElement } from '../../src/lead-form.js';
import { fill, mockAt, root, submit, until } from './helpers.js';

const mock = mockAt('smoke');

describe('<vitec-lead-form> smoke', () => {
  it('should send a lead', async () => {
    await mock.reset();
    const el = await fixture<VitecLeadFormElement>(html`<vitec-lead-form endpoint=${mock.endpoint} customer-id="M1"></vitec-lead-form>`);
    await fill(el, { firstName: 'Anna', lastName: 'Svensson', 'email.emailAddress': 'anna@example.se' });
    submit(el);
    await until(() => root(el).querySelector('.success'), 'success');
    const leads = await mock.leads();
    expect(leads).to.have.length(1);
    expect(root(el).querySelector('.lead-id')!.textContent).to.contain(leads[0]!.id);
  });
});
