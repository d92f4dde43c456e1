// Every example the form gives a visitor ("till exempel 123 45", "like name@example.com"), in its hints and
// its error messages, in both languages, passes the very rule it explains: a visitor who types it gets no
// error. An example that no rule below claims fails the test, so a new one cannot go unchecked.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildLead, validateForm } from '../../src/lead/lead-payload.ts';
import type { FieldName } from '../../src/lead/fields.ts';
import { loadLanguages, type Lang } from '../../src/lead/messages/index.ts';
import { messagesOf } from '../../src/lead/messages/texts.ts';

// Swedish is in the entry; the other languages are files loaded when asked for.
await loadLanguages();

const CONFIG = { leadSourceName: 'maklarhuset.se', leadType: 'AcceptObjectFlow' };
const NAMES = { firstName: 'Anna', lastName: 'Svensson' };

/** The input each example is typed into, by the message it appears in. */
const FIELD_OF: Record<string, FieldName> = {
  'hints.address.zipCode': 'address.zipCode',
  'errors.email': 'email.emailAddress',
  'errors.phone': 'telephone.cell',
  'errors.zipCode': 'address.zipCode',
  'errors.personnummer': 'socialSecurityNumber',
};

/** Each example in a text: after "till exempel" or "like", up to a comma or the end. */
export function examplesIn(text: string): string[] {
  return [...text.matchAll(/(?:till exempel|for example|like) (.+?)(?:,|$)/g)].map((match) => match[1]!.trim());
}

function examples(lang: Lang): { where: string; example: string }[] {
  const t = messagesOf(lang);
  const found: { where: string; example: string }[] = [];
  for (const [group, texts] of [
    ['hints', t.hints],
    ['errors', t.errors],
  ] as const) {
    for (const [key, text] of Object.entries(texts)) {
      for (const example of examplesIn(String(text))) found.push({ where: `${group}.${key}`, example });
    }
  }
  return found;
}

/** The error the form gives for `value` typed into `field`, or undefined when there is none. */
function errorFor(field: FieldName, value: string): string | undefined {
  const values = { ...NAMES, 'email.emailAddress': 'anna@example.se', [field]: value };
  const shown: FieldName[] = ['firstName', 'lastName', 'email.emailAddress', field];
  const result = validateForm(buildLead(values, CONFIG), { required: ['firstName', 'lastName', field], shown });
  return result.success ? undefined : result.fieldErrors[field];
}

describe('the examples the form gives', () => {
  for (const lang of ['sv', 'en'] as const) {
    it(`should each pass its own rule (${lang})`, () => {
      const found = examples(lang);
      assert.ok(found.length >= 5, `examples found: ${JSON.stringify(found)}`);
      for (const { where, example } of found) {
        const field = FIELD_OF[where];
        assert.ok(field, `no rule claims the example "${example}" in ${where}: add it to FIELD_OF`);
        assert.equal(errorFor(field, example), undefined, `${where}: "${example}" is refused by its own rule`);
      }
    });
  }

  it('would catch an example its rule refuses (the check itself)', () => {
    assert.equal(errorFor('socialSecurityNumber', '19900101-1234'), 'personnummer');
    assert.equal(errorFor('address.zipCode', '1234'), 'zipCode');
    assert.deepEqual(examplesIn('Ange ett giltigt personnummer, till exempel 19900101-1234, eller kryssa i rutan'), [
      '19900101-1234',
    ]);
  });
});
