// Addresses read as addresses: one canonical form per address, ports and brackets dropped, IPv4-mapped as IPv4,
// junk refused; checked against node:net and the URL parser, which the Worker does not have.
import assert from 'node:assert/strict';
import { isIP } from 'node:net';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseIpAddress, rateLimitKey } from '../../src/server/ip-address.ts';

describe('parseIpAddress', () => {
  const read: [string, string][] = [
    ['2001:db8::1', '2001:db8::1'],
    ['2001:db8:0::1', '2001:db8::1'],
    ['2001:0DB8::0001', '2001:db8::1'],
    ['2001:db8:0:0:0:0:0:1', '2001:db8::1'],
    ['[2001:db8::1]:443', '2001:db8::1'],
    ['[2001:db8::1]', '2001:db8::1'],
    ['2001:db8::1:443', '2001:db8::1:443'],
    ['203.0.113.1:4711', '203.0.113.1'],
    [' 203.0.113.1 ', '203.0.113.1'],
    ['::ffff:203.0.113.1', '203.0.113.1'],
    ['::ffff:cb00:7101', '203.0.113.1'],
    ['[::ffff:203.0.113.1]:80', '203.0.113.1'],
    ['fe80::1%eth0', 'fe80::1'],
    ['::', '::'],
    ['::1', '::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['0:0:1:0:0:0:1:0', '0:0:1::1:0'],
  ];
  for (const [text, address] of read)
    it(`should read ${JSON.stringify(text)} as ${address}`, () => assert.equal(parseIpAddress(text)?.address, address));

  const junk = [
    'abc:def',
    '999.999.999.999',
    '1.2.3',
    '1.2.3.4.5',
    '01.2.3.4',
    '1::2::3',
    '[1.2.3.4]',
    '1.2.3.4:99999',
    '[2001:db8::1]:x',
    '2001:db8::12345',
    '1:2:3:4:5:6:7:8:9',
    '',
    'unknown',
    `${'1'.repeat(70)}`,
    '::ffff:1.2.3.256',
  ];
  for (const text of junk)
    it(`should refuse ${JSON.stringify(text.slice(0, 20))}`, () => assert.equal(parseIpAddress(text), undefined));

  it('should take what node:net takes, and refuse what it refuses', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-fA-F:.]{0,24}$/), (text) => {
        assert.equal(parseIpAddress(text) !== undefined, isIP(text) !== 0, text);
      }),
      { numRuns: 5000 },
    );
  });

  it('should give every spelling of an IPv6 address the canonical form the URL standard gives', () => {
    const groups = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 0xffff })), {
      minLength: 8,
      maxLength: 8,
    });
    fc.assert(
      fc.property(groups, fc.boolean(), (parts, padded) => {
        const text = parts.map((g) => (padded ? g.toString(16).padStart(4, '0') : g.toString(16))).join(':');
        const parsed = parseIpAddress(text.toUpperCase());
        const expected = new URL(`http://[${text}]/`).hostname.slice(1, -1);
        if (parts.slice(0, 6).join() === '0,0,0,0,0,65535') assert.equal(parsed?.version, 4);
        else assert.equal(parsed?.address, expected);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('rateLimitKey', () => {
  it('should count every address of one /64 as one client, and another /64 as another', () => {
    const key = (text: string, prefix?: number) => rateLimitKey(parseIpAddress(text)!, prefix);
    const one = ['2001:db8:1:2::1', '2001:db8:1:2::2', '2001:db8:1:2:ffff:ffff:ffff:ffff', '2001:0db8:1:2:0::0001'];
    assert.deepEqual(new Set(one.map((a) => key(a))), new Set(['2001:db8:1:2::/64']));
    assert.equal(key('2001:db8:1:3::1'), '2001:db8:1:3::/64');
    assert.equal(key('2001:db8:1:2::1', 48), '2001:db8:1::/48');
    assert.equal(key('2001:db8:1:2::1', 128), '2001:db8:1:2::1/128');
    assert.equal(key('2001:db8:1:2:abcd::1', 72), '2001:db8:1:2:ab00::/72');
    assert.equal(key('203.0.113.9'), '203.0.113.9');
  });
});
