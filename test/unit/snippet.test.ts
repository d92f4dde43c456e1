// The snippet builder's model (demo/builder/snippet.ts): every attribute, escaping, unknown attributes,
// the shareable query string.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  ATTRIBUTE_NAMES,
  ATTRIBUTES,
  type AttributeName,
  DEFAULT_SCRIPT_SRC,
  escapeAttribute,
  fromQuery,
  generateSnippet,
  parseSnippet,
  type Snippet,
  toQuery,
  writeFieldList,
} from '../../demo/builder/snippet.ts';

/** A value for each attribute that differs from its default. */
const EVERY: Record<AttributeName, string | true> = {
  kind: 'viewing',
  relay: 'https://relay.maklarhuset.se',
  'estate-id': 'OBJ-4711',
  'lead-source-id': 'LS-1',
  'assignment-source-id': 'AS-1',
  'receiver-user-id': 'U-1',
  'interest-status': 'VeryInterested',
  'confirm-by-email': true,
  'confirm-by-sms': true,
  'reminder-minutes': '120',
  endpoint: 'https://relay.maklarhuset.se/PublicAdvertising/{customerId}/Contact/Person/Lead',
  'customer-id': 'C1',
  'lead-source-name': 'Värdering "vår" <sida> & co',
  'lead-type': 'ObjectInterest',
  'agent-id': 'A1',
  'agent-email': 'agent@maklarhuset.se',
  'user-group-id': 'G1',
  'office-id': 'O1',
  'office-customer-id': 'OC1',
  fields: 'firstName lastName socialSecurityNumber address email',
  required: 'firstName lastName email.emailAddress',
  lang: 'en',
  message: 'Jag vill boka en värdering.',
  timeout: '20000',
  attribution: 'local',
  'tracking-params': 'gclid',
  'privacy-policy-url': '/integritet?a=1&b=2',
  'consent-required': true,
  'success-message': 'Tack! Ärende {leadId}',
  'redirect-url': '/tack',
  'fallback-email': 'info@maklarhuset.se',
  'fallback-phone': '08-123 456 78',
  'min-fill-time': '1000',
  'data-layer': true,
  'save-draft': true,
  preview: true,
};

describe('the snippet builder model', () => {
  it('should know every attribute of the element, with its default', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../custom-elements.json', import.meta.url), 'utf8')) as {
      modules: { declarations: { tagName?: string; attributes?: { name: string }[] }[] }[];
    };
    const element = manifest.modules.flatMap((m) => m.declarations).find((d) => d.tagName === 'vitec-lead-form')!;
    assert.deepEqual([...ATTRIBUTE_NAMES].sort(), element.attributes!.map((a) => a.name).sort());
    assert.deepEqual([...ATTRIBUTE_NAMES].sort(), Object.keys(EVERY).sort());
  });

  it('should write only the attributes that differ from the defaults', () => {
    const defaults = Object.fromEntries(
      ATTRIBUTE_NAMES.map((name) => [name, ATTRIBUTES[name].default]),
    ) as Snippet['attributes'];
    for (const name of ATTRIBUTE_NAMES) if (ATTRIBUTES[name].kind === 'boolean') delete defaults[name];
    assert.equal(
      generateSnippet({ scriptSrc: DEFAULT_SCRIPT_SRC, attributes: defaults }),
      '<script type="module" src="/vitec-lead-form.js"></script>\n<vitec-lead-form></vitec-lead-form>',
    );
    // The default inputs in another order and spelling are still the default.
    assert.doesNotMatch(
      generateSnippet({
        scriptSrc: '',
        attributes: { fields: 'message telephone.cell email.emailAddress lastName firstName' },
      }),
      /fields=/,
    );
  });

  it('should write every attribute, and read each back as it was', () => {
    const snippet: Snippet = { scriptSrc: 'https://cdn.example/vitec-lead-form.js', attributes: EVERY };
    const text = generateSnippet(snippet);
    for (const name of ATTRIBUTE_NAMES) assert.match(text, new RegExp(`\\n  ${name}(=|\\n)`), name);
    const parsed = parseSnippet(text);
    assert.equal(parsed.found, true);
    assert.deepEqual(parsed.unknown, []);
    assert.equal(parsed.snippet.scriptSrc, snippet.scriptSrc);
    assert.deepEqual(parsed.snippet.attributes, EVERY);
  });

  it('should escape quotes, < and & in values, and read them back', () => {
    const text = generateSnippet({
      scriptSrc: '',
      attributes: { 'lead-source-name': 'A "B" <c> & d', 'success-message': "Tack, it's done" },
    });
    assert.match(text, /lead-source-name="A &quot;B&quot; &lt;c&gt; &amp; d"/);
    assert.match(text, /success-message="Tack, it's done"/);
    assert.equal(escapeAttribute('&amp;'), '&amp;amp;', 'an entity typed as text stays text');
    assert.deepEqual(parseSnippet(text).snippet.attributes, {
      'lead-source-name': 'A "B" <c> & d',
      'success-message': "Tack, it's done",
    });
  });

  it('should read single-quoted, unquoted and boolean attributes and character references', () => {
    const { snippet } = parseSnippet(
      `<VITEC-LEAD-FORM customer-id='C&#49;' lang=en consent-required="" data-layer='false' lead-source-name="&#x00e5;&AMP;&lt;"/>`,
    );
    assert.deepEqual(snippet.attributes, {
      'customer-id': 'C1',
      lang: 'en',
      'consent-required': true,
      'data-layer': true,
      'lead-source-name': 'å&<',
    });
  });

  it('should list the attributes it does not know instead of dropping them', () => {
    const parsed = parseSnippet(
      '<vitec-lead-form endpoint="/x" data-tracking="1" onclick="alert(1)" hidden class=big></vitec-lead-form>',
    );
    assert.deepEqual(parsed.unknown, ['data-tracking="1"', 'onclick="alert(1)"', 'hidden', 'class="big"']);
    assert.deepEqual(parsed.snippet.attributes, { endpoint: '/x' });
    assert.equal(parseSnippet('<div>no form here</div>').found, false);
  });

  it('should write a whole group by its name', () => {
    assert.equal(
      writeFieldList(['message', 'address.city', 'firstName', 'address.zipCode', 'lastName', 'address.streetAddress']),
      'firstName lastName address message',
    );
    assert.equal(
      writeFieldList(['firstName', 'lastName', 'email.emailAddress']),
      'firstName lastName email.emailAddress',
    );
  });

  it('should carry the state in a query string and restore it', () => {
    const snippet: Snippet = { scriptSrc: 'https://cdn.example/x.js', attributes: EVERY };
    const query = toQuery(snippet, 'en');
    const restored = fromQuery(query);
    assert.equal(restored.uiLang, 'en');
    assert.equal(generateSnippet(restored.snippet), generateSnippet(snippet));
    assert.equal(toQuery({ scriptSrc: DEFAULT_SCRIPT_SRC, attributes: {} }, 'sv'), '');
  });
});
