/** fast-check arbitraries shared by the property tests: what a visitor could type into each input. */
import fc from 'fast-check';
import { FIELD_NAMES } from '../../src/lead/fields.ts';

/** Any text a visitor could type or paste: unicode, whitespace, control characters, markup. */
export const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\t\n',
    '\u202e',
    '<img src=x onerror=alert(1)>',
    '19900101-0017',
    '123 45',
    'a@b.se',
    '070-123 45 67',
    'x'.repeat(5000),
  ),
);

/** Any values of the form's inputs, some left out. */
export const anyValues = fc.record(
  Object.fromEntries([
    ...FIELD_NAMES.map((name) => [name, anyText]),
    ['isForeignSocialSecurityNumber', fc.boolean()],
  ]) as Record<string, fc.Arbitrary<string | boolean>>,
  { requiredKeys: [] },
);

export const leadConfig = { leadSourceName: 'm.se', leadType: 'AcceptObjectFlow' };
