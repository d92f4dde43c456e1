import { expect, fixture } from '@open-wc/testing';
import '../../src/index.js';
import type { VitecLeadFormElement } from '../../src/element/lead-form.js';
import { ATTRIBUTION_KEY } from '../../src/lead/marketing.js';
import { fill, mockAt, root, submit, until } from './helpers.js';

const mock = mockAt('marketing');
const NAMES = { firstName: 'Anna', lastName: 'Svensson', 'email.emailAddress': 'anna@example.se' };
const home = location.href;

async function sendFrom(path: string, attrs = ''): Promise<Record<string, unknown>> {
  history.replaceState(null, '', path);
  const wrapper = await fixture<HTMLDivElement>(
    `<div><vitec-lead-form min-fill-time="0" endpoint="${mock.endpoint}" customer-id="C" ${attrs}></vitec-lead-form></div>`,
  );
  const el = wrapper.querySelector<VitecLeadFormElement>('vitec-lead-form')!;
  await fill(el, NAMES);
  submit(el);
  await until(() => root(el).querySelector('.success'), 'the thank-you message');
  return (await mock.leads()).at(-1)!.lead;
}

describe('<vitec-lead-form> marketing', () => {
  beforeEach(async () => {
    sessionStorage.clear();
    localStorage.clear();
    await mock.reset();
  });
  afterEach(() => history.replaceState(null, '', home));

  it('should send the landing page tags from a later page without tags', async () => {
    await sendFrom('/villa?utm_source=google&utm_medium=cpc&utm_campaign=v%C3%A5r&gclid=abc&page=2');
    const lead = await sendFrom('/kontakt');
    expect(lead.marketing).to.deep.equal({
      utmTags: [
        { name: 'utm_source', value: 'google' },
        { name: 'utm_medium', value: 'cpc' },
        { name: 'utm_campaign', value: 'vår' },
        { name: 'gclid', value: 'abc' },
      ],
    });
  });

  it('should replace the tags when a newer campaign URL arrives later in the visit', async () => {
    await sendFrom('/villa?utm_source=google&utm_medium=cpc');
    const lead = await sendFrom('/?utm_source=nyhetsbrev&utm_campaign=december');
    expect(lead.marketing).to.deep.equal({
      utmTags: [
        { name: 'utm_source', value: 'nyhetsbrev' },
        { name: 'utm_campaign', value: 'december' },
      ],
    });
  });

  it('should not take a same-site referrer', async () => {
    Object.defineProperty(document, 'referrer', { configurable: true, get: () => `${location.origin}/villa` });
    try {
      const lead = await sendFrom('/kontakt');
      expect(lead.marketing).to.equal(undefined);
    } finally {
      delete (document as unknown as Record<string, unknown>).referrer;
    }
  });

  it('should send only the current page with attribution="none", and store nothing', async () => {
    await sendFrom('/villa?utm_source=google', 'attribution="none"');
    expect(sessionStorage.length + localStorage.length).to.equal(0);
    const lead = await sendFrom('/kontakt', 'attribution="none"');
    expect(lead.marketing).to.equal(undefined);
  });

  it('should remember in localStorage with attribution="local"', async () => {
    await sendFrom('/villa?utm_source=nyhetsbrev', 'attribution="local"');
    expect(JSON.parse(localStorage.getItem(ATTRIBUTION_KEY)!).utmTags).to.deep.equal([
      { name: 'utm_source', value: 'nyhetsbrev' },
    ]);
  });

  it('should still send when storage throws', async () => {
    const { getItem, setItem } = Storage.prototype;
    Storage.prototype.getItem = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      const lead = await sendFrom('/villa?utm_source=google');
      expect(lead.marketing).to.deep.equal({ utmTags: [{ name: 'utm_source', value: 'google' }] });
    } finally {
      Object.assign(Storage.prototype, { getItem, setItem });
    }
  });

  it('should let the page extend what is sent', async () => {
    history.replaceState(null, '', '/villa?utm_source=google');
    const wrapper = await fixture<HTMLDivElement>(
      `<div><vitec-lead-form min-fill-time="0" endpoint="${mock.endpoint}" customer-id="C"></vitec-lead-form></div>`,
    );
    const el = wrapper.querySelector<VitecLeadFormElement>('vitec-lead-form')!;
    el.marketing = {
      ...el.marketing,
      utmTags: [...(el.marketing?.utmTags ?? []), { name: 'utm_content', value: 'hero' }],
    };
    await fill(el, NAMES);
    submit(el);
    await until(() => root(el).querySelector('.success'), 'the thank-you message');
    expect((await mock.leads()).at(-1)!.lead.marketing).to.deep.equal({
      utmTags: [
        { name: 'utm_source', value: 'google' },
        { name: 'utm_content', value: 'hero' },
      ],
    });
  });
});
