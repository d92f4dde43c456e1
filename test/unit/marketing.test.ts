import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ATTRIBUTION_KEY,
  externalReferrer,
  marketingFromPage,
  recordVisit,
  utmTagsFromUrl,
} from '../../src/lead/marketing.ts';
import { mayBringNewTouch } from '../../src/page/visit.ts';

describe('utmTagsFromUrl', () => {
  const cases: [string, string, [string, string][]][] = [
    [
      'takes utm tags and click ids in URL order',
      'https://m.se/villa?utm_source=google&x=1&utm_medium=cpc&gclid=abc',
      [
        ['utm_source', 'google'],
        ['utm_medium', 'cpc'],
        ['gclid', 'abc'],
      ],
    ],
    ['decodes percent and plus', 'https://m.se/?utm_campaign=v%C3%A5r+kampanj', [['utm_campaign', 'vår kampanj']]],
    [
      'lower-cases names',
      'https://m.se/?UTM_Source=Google&GCLID=x',
      [
        ['utm_source', 'Google'],
        ['gclid', 'x'],
      ],
    ],
    [
      'keeps the first of two equal names',
      'https://m.se/?utm_source=a&utm_source=b&UTM_SOURCE=c',
      [['utm_source', 'a']],
    ],
    ['drops empty and blank values', 'https://m.se/?utm_source=&utm_medium=%20%20&utm_term=x', [['utm_term', 'x']]],
    [
      'takes any other utm_ name',
      'https://m.se/?utm_id=7&utm_creative_format=video',
      [
        ['utm_id', '7'],
        ['utm_creative_format', 'video'],
      ],
    ],
    ['ignores foreign parameters', 'https://m.se/?fbclid=f&ref=x&utm=y&utmsource=z&page=2', [['fbclid', 'f']]],
    [
      'removes control characters and trims',
      'https://m.se/?utm_source=%0D%0Agoo%00gle%09+',
      [['utm_source', 'google']],
    ],
    ['reads nothing from the fragment', 'https://m.se/#utm_source=x', []],
    ['survives a malformed URL', 'not a url', []],
  ];
  for (const [what, url, expected] of cases) {
    it(`should ${what}`, () =>
      assert.deepEqual(
        utmTagsFromUrl(url).map((t) => [t.name, t.value]),
        expected,
      ));
  }

  it('should cut values at 250 characters and keep at most 20 tags', () => {
    const long = utmTagsFromUrl(`https://m.se/?utm_content=${'x'.repeat(300)}`);
    assert.equal(long[0]!.value.length, 250);
    const many = utmTagsFromUrl('https://m.se/?' + Array.from({ length: 30 }, (_, i) => `utm_p${i}=${i}`).join('&'));
    assert.equal(many.length, 20);
  });

  it('should take the click ids it is told to', () => {
    assert.deepEqual(
      utmTagsFromUrl('https://m.se/?gclid=a&ttclid=b', ['ttclid']).map((t) => t.name),
      ['ttclid'],
    );
  });
});

describe('externalReferrer', () => {
  it('should take another site without its fragment', () => {
    assert.equal(
      externalReferrer('https://www.google.com/search?q=villa#frag', 'https://m.se/kontakt'),
      'https://www.google.com/search?q=villa',
    );
  });
  it('should never take one of the site own pages', () => {
    assert.equal(externalReferrer('https://m.se/villa?utm_source=x', 'https://m.se/kontakt'), undefined);
  });
  it('should ignore empty, malformed and non-web referrers', () => {
    for (const referrer of ['', 'nonsense', 'android-app://com.google'])
      assert.equal(externalReferrer(referrer, 'https://m.se/'), undefined);
  });
  it('should cut a referrer at 500 characters', () => {
    assert.equal(externalReferrer(`https://a.se/${'p'.repeat(600)}`, 'https://m.se/')!.length, 500);
  });
});

describe('marketingFromPage', () => {
  it('should be undefined when there is nothing to say', () => {
    assert.equal(marketingFromPage('https://m.se/kontakt', 'https://m.se/'), undefined);
  });
  it('should carry tags and referrer', () => {
    assert.deepEqual(marketingFromPage('https://m.se/?utm_source=nyhetsbrev', 'https://mail.example.com/'), {
      referrer: 'https://mail.example.com/',
      utmTags: [{ name: 'utm_source', value: 'nyhetsbrev' }],
    });
  });
});

describe('mayBringNewTouch', () => {
  it('should say no for a page view of the site with no query, and for one that came straight in', () => {
    assert.equal(mayBringNewTouch('https://m.se/kontakt', 'https://m.se/villa?utm_source=x'), false);
    assert.equal(mayBringNewTouch('https://m.se/kontakt', ''), false);
    assert.equal(mayBringNewTouch('https://m.se/kontakt?', ''), false);
    assert.equal(mayBringNewTouch('https://m.se/kontakt#form', 'https://m.se/'), false);
  });
  it('should never say no to a page view that brings tags or another site', () => {
    const urls = [
      'https://m.se/',
      'https://m.se/villa?utm_source=google',
      'https://m.se/villa?gclid=abc#x',
      'https://m.se/villa?UTM_MEDIUM=cpc',
      'https://m.se/villa?page=2',
      'https://m.se:8443/villa?fbclid=1',
    ];
    const referrers = [
      '',
      'https://m.se/',
      'http://m.se/',
      'https://www.m.se/',
      'https://m.se:8443/',
      'https://m.se.evil.example/',
      'https://google.com/search?q=villa',
      'android-app://com.google.android.gm/',
    ];
    for (const url of urls)
      for (const referrer of referrers)
        if (marketingFromPage(url, referrer))
          assert.equal(mayBringNewTouch(url, referrer), true, `${url} from ${referrer}`);
    assert.equal(mayBringNewTouch('https://m.se/', 'https://m.se.evil.example/'), true);
    assert.equal(mayBringNewTouch('https://m.se/', 'https://www.m.se/'), true);
  });
});

class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

describe('recordVisit', () => {
  const DAY = 24 * 60 * 60 * 1000;
  const start = Date.parse('2026-11-01T10:00:00Z');
  function browser() {
    const stores = { session: new MemoryStorage(), local: new MemoryStorage() };
    const visit = (url: string, referrer: string, now = start) => ({
      url,
      referrer,
      now,
      storage: (kind: 'session' | 'local') => stores[kind],
    });
    return { stores, visit };
  }
  const LANDING = 'https://m.se/villa?utm_source=google&utm_medium=cpc&utm_campaign=v%C3%A5r&gclid=abc&page=2';
  const TAGS = [
    { name: 'utm_source', value: 'google' },
    { name: 'utm_medium', value: 'cpc' },
    { name: 'utm_campaign', value: 'vår' },
    { name: 'gclid', value: 'abc' },
  ];

  it('should keep the landing page tags and referrer on a later page of the site (session)', () => {
    const { visit, stores } = browser();
    recordVisit('session', visit(LANDING, 'https://www.google.com/'));
    const later = recordVisit('session', visit('https://m.se/kontakt', 'https://m.se/villa?utm_source=google'));
    assert.deepEqual(later, { referrer: 'https://www.google.com/', utmTags: TAGS });
    assert.equal(stores.local.length, 0);
  });

  it('should replace the tags when a newer campaign URL arrives', () => {
    const { visit } = browser();
    recordVisit('session', visit(LANDING, 'https://www.google.com/'));
    const newer = recordVisit('session', visit('https://m.se/?utm_source=nyhetsbrev', 'https://mail.example.com/'));
    assert.deepEqual(newer, {
      referrer: 'https://mail.example.com/',
      utmTags: [{ name: 'utm_source', value: 'nyhetsbrev' }],
    });
  });

  it('should store nothing and read only the current page with none', () => {
    const { visit, stores } = browser();
    assert.deepEqual(recordVisit('none', visit(LANDING, 'https://www.google.com/')), {
      referrer: 'https://www.google.com/',
      utmTags: TAGS,
    });
    assert.equal(recordVisit('none', visit('https://m.se/kontakt', 'https://m.se/villa')), undefined);
    assert.equal(stores.session.length + stores.local.length, 0);
  });

  it('should remember for 30 days after the last touch with local, then forget', () => {
    const { visit, stores } = browser();
    recordVisit('local', visit(LANDING, 'https://www.google.com/'));
    assert.equal(stores.session.length, 0);
    assert.deepEqual(recordVisit('local', visit('https://m.se/kontakt', '', start + 29 * DAY))?.utmTags, TAGS);
    assert.equal(recordVisit('local', visit('https://m.se/kontakt', '', start + 30 * DAY)), undefined);
    assert.equal(stores.local.length, 0);
  });

  it('should fall back to the current page when storage throws', () => {
    const blocked = (method: 'get' | 'throwing') => () => {
      if (method === 'get') throw new DOMException('blocked', 'SecurityError');
      return Object.assign(new MemoryStorage(), {
        getItem() {
          throw new Error('broken');
        },
        setItem() {
          throw new DOMException('full', 'QuotaExceededError');
        },
      });
    };
    for (const storage of [blocked('get'), blocked('throwing')]) {
      assert.deepEqual(recordVisit('session', { url: LANDING, referrer: '', now: start, storage }), { utmTags: TAGS });
      assert.equal(recordVisit('local', { url: 'https://m.se/kontakt', referrer: '', now: start, storage }), undefined);
    }
  });

  it('should read stored data as untrusted', () => {
    const { visit, stores } = browser();
    stores.session.setItem(
      ATTRIBUTION_KEY,
      '{"utmTags":[{"name":"utm_source","value":"ok"},{"name":1},null,"x"],"referrer":{"a":1}}',
    );
    assert.deepEqual(recordVisit('session', visit('https://m.se/', '')), {
      utmTags: [{ name: 'utm_source', value: 'ok' }],
    });
    stores.session.setItem(ATTRIBUTION_KEY, 'not json');
    assert.equal(recordVisit('session', visit('https://m.se/', '')), undefined);
  });
});
