import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parsePersonnummer } from '../../src/lead/personnummer.ts';

interface Entry {
  long_format: string;
  short_format: string;
  separated_format: string;
  separated_long: string;
  valid: boolean;
  type: 'ssn' | 'con';
}

const list: Entry[] = JSON.parse(readFileSync(new URL('../fixtures/personnummer-list.json', import.meta.url), 'utf8'));
const today = new Date('2026-11-29T12:00:00Z');

describe('parsePersonnummer', () => {
  describe('with the personnummer project shared test list', () => {
    for (const entry of list) {
      for (const format of ['long_format', 'short_format', 'separated_format', 'separated_long'] as const) {
        it(`should ${entry.valid ? 'accept' : 'refuse'} ${entry[format]} (${format}, ${entry.type})`, () => {
          const parsed = parsePersonnummer(entry[format], today);
          if (!entry.valid) return assert.equal(parsed, null);
          assert.ok(parsed);
          assert.equal(parsed.type, entry.type);
          // Every form that carries its century (12 digits, or the `+` of the 100-year-olds) normalises
          // to the same YYYYMMDD-NNNN; a bare 10-digit number is read as the latest such date.
          const long = entry.long_format;
          const expected =
            format === 'short_format' ? long.slice(2, 8) + '-' + long.slice(8) : `${long.slice(0, 8)}-${long.slice(8)}`;
          assert.equal(format === 'short_format' ? parsed.normalised.slice(2) : parsed.normalised, expected);
        });
      }
    }
  });

  describe('with our own cases', () => {
    const cases: [string, string | null][] = [
      ['19900101-0017', '19900101-0017'],
      ['9001010017', '19900101-0017'],
      ['900101-0017', '19900101-0017'],
      ['  900101-0017  ', '19900101-0017'],
      ['900101+0017', '18900101-0017'],
      ['19900101+0017', '19900101-0017'],
      ['20000229-0013', '20000229-0013'],
      ['19000229-0013', null],
      ['20000229-0005', null],
      ['19900101-0018', null],
      ['19900101-0009', null],
      ['19901301-0013', null],
      ['19900100-0018', null],
      ['19900161-0014', '19900161-0014'],
      ['19900192-0017', null],
      ['1990010100179', null],
      ['19900101 0017', null],
      ['199001010017x', null],
      ['', null],
      ['abcdefghij', null],
    ];
    for (const [input, expected] of cases) {
      it(`should read "${input}" as ${expected ?? 'invalid'}`, () => {
        assert.equal(parsePersonnummer(input, today)?.normalised ?? null, expected);
      });
    }

    it('should put a ten-digit number in the latest century that is not in the future', () => {
      assert.equal(parsePersonnummer('2611290012', today)?.normalised.slice(0, 4), '2026');
      assert.equal(parsePersonnummer('2612010013', today)?.normalised.slice(0, 4), '2026');
      assert.equal(parsePersonnummer('2712010012', today)?.normalised.slice(0, 4), '1927');
    });

    it('should mark a day plus 60 as a samordningsnummer', () => {
      assert.equal(parsePersonnummer('19900161-0014', today)?.type, 'con');
      assert.equal(parsePersonnummer('19900101-0017', today)?.type, 'ssn');
    });
  });
});
