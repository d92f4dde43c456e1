// The site owners' rules as pure functions: configuration problems, the bot rule, the fallback e-mail.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configProblem } from '../../src/lead/form-config.ts';
import { webUrl } from '../../src/lead/web-url.ts';
import { parseFieldList } from '../../src/lead/field-list.ts';
import { configTextsOf } from '../../src/element/config-check.ts';
import { loadLanguages } from '../../src/lead/messages/index.ts';
import { messagesOf } from '../../src/lead/messages/texts.ts';
import { fallbackMailto, telLink } from '../../src/lead/fallback-links.ts';
import { suspectBot } from '../../src/lead/site-rules.ts';

// Swedish is in the entry; the other languages are files loaded when asked for.
await loadLanguages();

const ENDPOINT = '/PublicAdvertising/{customerId}/Contact/Person/Lead';
const base = {
  endpoint: ENDPOINT,
  customerId: 'C1',
  preview: false,
  shown: parseFieldList('firstName lastName email'),
  required: parseFieldList('firstName lastName'),
  pageUrl: 'https://maklarhuset.se/kontakt',
};

describe('configProblem', () => {
  for (const lang of ['sv', 'en'] as const) {
    const t = configTextsOf(lang);
    it(`should name each problem in words for the editor (${lang})`, () => {
      assert.equal(configProblem(t, base), '');
      assert.equal(configProblem(t, { ...base, endpoint: undefined }), t.endpoint);
      assert.equal(configProblem(t, { ...base, customerId: undefined }), t.customerId);
      assert.equal(configProblem(t, { ...base, customerId: '  ' }), t.customerId);
      assert.equal(
        configProblem(t, { ...base, customerId: undefined, endpoint: '/api/lead' }),
        '',
        'no {customerId}, no customer-id needed',
      );
      assert.equal(configProblem(t, { ...base, endpoint: 'javascript:alert(1)' }), t.endpointScheme);
      assert.equal(configProblem(t, { ...base, endpoint: 'ftp://relay.example/lead' }), t.endpointScheme);
      assert.equal(configProblem(t, { ...base, endpoint: 'http://relay.example/lead' }), t.mixedContent);
      assert.equal(
        configProblem(t, { ...base, endpoint: 'http://relay.example/lead', pageUrl: 'http://maklarhuset.se/' }),
        '',
      );
      assert.equal(
        configProblem(t, { ...base, endpoint: 'http://localhost:8787/lead' }),
        '',
        'a browser allows http://localhost from https',
      );
      assert.equal(configProblem(t, { ...base, endpoint: 'http://127.0.0.1:8787/lead' }), '');
      assert.equal(
        configProblem(t, { ...base, endpoint: '//relay.example/lead' }),
        '',
        'protocol-relative takes the page scheme',
      );
      assert.equal(configProblem(t, { ...base, privacyPolicyUrl: 'javascript:alert(1)' }), t.url('privacy-policy-url'));
      assert.equal(
        configProblem(t, { ...base, privacyPolicyUrl: ' JavaScript:alert(1)' }),
        t.url('privacy-policy-url'),
      );
      assert.equal(configProblem(t, { ...base, privacyPolicyUrl: '/integritetspolicy' }), '');
      assert.equal(configProblem(t, { ...base, redirectUrl: 'data:text/html,hi' }), t.url('redirect-url'));
      assert.equal(configProblem(t, { ...base, redirectUrl: 'tack.html' }), '');
      assert.equal(configProblem(t, { ...base, preview: true, endpoint: undefined, customerId: undefined }), '');
      assert.equal(
        configProblem(t, { ...base, preview: true, customerId: undefined }),
        t.customerId,
        'a preview shows what the live form would say',
      );
    });
  }

  it('should resolve relative URLs against the page for the consent record', () => {
    assert.equal(
      webUrl('/integritetspolicy', 'https://maklarhuset.se/kontakt')!.href,
      'https://maklarhuset.se/integritetspolicy',
    );
    assert.equal(webUrl('mailto:a@b.se', 'https://maklarhuset.se/'), undefined);
  });
});

describe('suspectBot', () => {
  it('should thank a filled honeypot and hold a submit sooner than the minimum time', () => {
    assert.deepEqual(suspectBot('x', 0, 10_000, 2000), { reason: 'honeypot' });
    assert.deepEqual(suspectBot('', 1000, 1500, 2000), { reason: 'too-fast', holdMs: 1500 });
    assert.equal(suspectBot('', 1000, 3000, 2000), undefined);
    assert.equal(suspectBot('', 1000, 1000, 0), undefined);
  });
});

describe('fallbackMailto', () => {
  const labels = messagesOf('sv').labels;
  it('should carry what the visitor typed, never the personnummer, in a URL every mail program opens', () => {
    const values = {
      firstName: 'Anna',
      lastName: 'Svensson & Co',
      socialSecurityNumber: '19460823-9986',
      isForeignSocialSecurityNumber: false,
      'email.emailAddress': 'anna@example.se',
      message: 'Hej!\nVisning?',
    };
    const url = new URL(fallbackMailto('info@maklarhuset.se', 'Förfrågan', values, labels));
    assert.equal(url.protocol, 'mailto:');
    assert.equal(url.pathname, 'info@maklarhuset.se');
    assert.equal(url.searchParams.get('subject'), 'Förfrågan');
    assert.equal(
      url.searchParams.get('body'),
      'Förnamn: Anna\nEfternamn: Svensson & Co\nE-post: anna@example.se\n\nHej!\nVisning?',
    );
    assert.doesNotMatch(url.href, /19460823|9986/);
  });

  it('should cut a long message so that the link stays under 2,000 characters', () => {
    const href = fallbackMailto(
      'info@maklarhuset.se',
      'Förfrågan',
      { firstName: 'Anna', message: 'å'.repeat(5000) },
      labels,
    );
    assert.ok(decodeURIComponent(href).length < 2000, `decoded length ${decodeURIComponent(href).length}`);
  });

  it('should dial only digits and +', () => {
    assert.equal(telLink('+46 (0)8-123 456 78'), 'tel:+460812345678');
  });
});
