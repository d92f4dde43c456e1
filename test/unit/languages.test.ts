// Every language is a file in src/lead/messages/, and each says everything: the visitor's texts, the relay's, and
// a label for every input of the field table, with the length limits taken from the schema.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { FIELD_NAMES, FIELDS, fieldSpec, leadPath, modelStateKey } from '../../src/lead/fields.ts';
import { compactLead } from '../../src/lead/lead-payload.ts';
import { validateLead } from '../../src/lead/lead-schema.ts';
import { ERROR_CODES } from '../../src/lead/error-codes.ts';
import {
  formTextsOf,
  type Lang,
  LANGS,
  loadLanguages,
  ownKindTextsOf,
  partLabel,
  relayTexts,
} from '../../src/lead/messages/index.ts';
import { kindTextsOf } from '../../src/element/kinds.ts';
import { configTextsOf } from '../../src/element/config-check.ts';
import { errorText, messagesOf } from '../../src/lead/messages/texts.ts';
import { createLeadRelay } from '../../src/server/relay.ts';

// Swedish is in the entry; the other languages are files loaded when asked for.
await loadLanguages();

const folder = new URL('../../src/lead/messages/', import.meta.url);
const languageFiles = readdirSync(folder)
  .filter((name) => /^[a-z]{2,3}\.ts$/.test(name))
  .map((name) => name.replace(/\.ts$/, ''))
  .sort();

/** Every string and every function's answer in a text tree, with its path. */
function texts(node: unknown, path = ''): [string, string][] {
  if (typeof node === 'string') return [[path, node]];
  if (typeof node === 'function') {
    const answer = (node as (...args: unknown[]) => unknown)('«a»', 7);
    return Array.isArray(answer)
      ? answer.flatMap((part, i) => texts(part, `${path}[${i}]`))
      : texts(answer, `${path}()`);
  }
  if (node && typeof node === 'object')
    return Object.entries(node).flatMap(([key, value]) => texts(value, `${path}.${key}`));
  return [];
}

describe('the languages', () => {
  it('should be exactly the files in src/lead/messages/, each added by one line of languages.ts', async () => {
    assert.deepEqual([...LANGS].sort(), languageFiles);
    const registry = readFileSync(new URL('languages.ts', folder), 'utf8');
    // Between the map's braces, nothing but one line per language file.
    const entries = registry
      .slice(registry.indexOf('{') + 1, registry.lastIndexOf('}'))
      .trim()
      .split('\n');
    assert.deepEqual(
      entries.map((line) => line.trim()),
      languageFiles.map((lang) => `${lang}: () => import('./${lang}.js'),`),
    );
    for (const lang of languageFiles) {
      const source = readFileSync(new URL(`${lang}.ts`, folder), 'utf8');
      // The browser build drops everything from `relayMessages` on (build/template-plugins.ts, browserTextsOnly).
      // Swedish, which the entry file holds, keeps its states', kinds' and configuration errors' texts in
      // sv-states.ts, sv-kinds.ts and sv-config.ts, in the lazily loaded parts.
      const apart = lang === 'sv';
      assert.deepEqual(
        [...source.matchAll(/^export const (\w+)/gm)].map((m) => m[1]),
        apart ? ['messages', 'relayMessages'] : ['messages', 'states', 'kinds', 'config', 'relayMessages'],
        `${lang}: its first drawing's, states', kinds' and configuration errors' texts, then its relay texts, last`,
      );
      const file = { ...((await import(new URL(`${lang}.ts`, folder).href)) as Record<string, object>) };
      if (apart) {
        file.states = ((await import(new URL(`${lang}-states.ts`, folder).href)) as typeof file).states!;
        file.kinds = ((await import(new URL(`${lang}-kinds.ts`, folder).href)) as typeof file).kinds!;
        file.config = ((await import(new URL(`${lang}-config.ts`, folder).href)) as typeof file).config!;
      }
      assert.equal(configTextsOf(lang as Lang), file.config, `${lang}: its configuration errors' texts`);
      assert.equal(kindTextsOf(lang as Lang, ownKindTextsOf), file.kinds, `${lang}: its kinds' texts`);
      assert.equal(formTextsOf(lang as Lang), file.messages, `${lang}: its first drawing's texts`);
      assert.deepEqual(messagesOf(lang as Lang), { ...file.messages, ...file.states }, `${lang}: all its texts`);
      for (const key of Object.keys(file.states!))
        assert.ok(!Object.hasOwn(file.messages!, key), `${lang}: ${key} is in one part only`);
      assert.equal(relayTexts(lang as Lang), file.relayMessages, `${lang}: its relay messages`);
    }
  });

  it('should give every key a text in every language', () => {
    const all = (lang: Lang) => ({
      ...messagesOf(lang),
      kinds: kindTextsOf(lang, ownKindTextsOf),
      config: configTextsOf(lang),
      relay: relayTexts(lang),
    });
    const keys = (lang: Lang) => texts(all(lang)).map(([p]) => p);
    for (const lang of LANGS) {
      assert.deepEqual(keys(lang), keys(LANGS[0]!), `${lang} has the keys of ${LANGS[0]}`);
      for (const [path, text] of texts(all(lang))) assert.ok(text.trim(), `${lang}${path} is not empty`);
    }
  });

  it('should label every input of the field table, for the visitor and in the relay answers', () => {
    for (const lang of LANGS) {
      for (const field of FIELD_NAMES) {
        const label = messagesOf(lang).labels[field];
        assert.ok(label?.trim(), `${lang}: a label for ${field}`);
        assert.equal(
          partLabel(leadPath(field).join('.'), lang),
          label,
          `${lang}: the relay names ${field} by its label`,
        );
        assert.ok(messagesOf(lang).required[field]?.trim(), `${lang}: a required text for ${field}`);
      }
    }
  });

  it('should say the schema limit in the length message of every limited input', () => {
    const limited = FIELD_NAMES.filter((field) => fieldSpec(field).max);
    assert.ok(limited.length >= 8);
    for (const field of limited) {
      const max = fieldSpec(field).max!;
      const lead = {
        person: { firstName: 'Anna', lastName: 'Svensson' },
        leadSource: { leadType: 'AcceptObjectFlow', name: 'x' },
      };
      const path = leadPath(field);
      let node: Record<string, unknown> = lead;
      for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
      node[path.at(-1)!] = field.startsWith('email') ? `${'a'.repeat(max - 8)}@test.se` + 'x' : 'a'.repeat(max + 1);
      const result = validateLead(compactLead(lead));
      const issue = !result.success ? result.issues.find((i) => i.field === field) : undefined;
      assert.equal(issue?.code, 'tooLong', `${field} over ${max} is too long`);
      assert.equal(issue?.max, max, `${field}: the issue carries the limit`);
      for (const lang of LANGS) {
        const text = errorText(messagesOf(lang), 'tooLong', field, issue.max);
        assert.match(text, new RegExp(`\\b${max}\\b`), `${lang}: ${text}`);
        assert.ok(max > 0);
      }
    }
  });

  it('should word every error code in the relay answers of every language', async () => {
    for (const lang of LANGS) for (const code of ERROR_CODES) assert.ok(relayTexts(lang).issues[code]('X', 3).trim());
    // Through the relay: each input's ModelState entry names the input by its label, in the asked language.
    const relay = createLeadRelay({
      vitecBaseUrl: 'http://127.0.0.1:9',
      username: 'u',
      password: 'p',
      customerIds: ['C'],
      allowedOrigins: ['https://a.se'],
      log: () => undefined,
    });
    const person: Record<string, unknown> = { firstName: 'x'.repeat(FIELDS.firstName.max + 1), lastName: '\u0007' };
    for (const lang of LANGS) {
      const response = await relay(
        new Request('http://relay/PublicAdvertising/C/Contact/Person/Lead', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'accept-language': lang },
          body: JSON.stringify({ person, leadSource: { leadType: 'AcceptObjectFlow', name: 'x' } }),
        }),
        { clientAddress: '192.0.2.1' },
      );
      const { ModelState } = (await response.json()) as { ModelState: Record<string, string[]> };
      for (const field of ['firstName', 'lastName'] as const) {
        const entry = ModelState[modelStateKey(leadPath(field).join('.'))]?.[0] ?? '';
        assert.ok(entry.includes(messagesOf(lang).labels[field]), `${lang}: "${entry}" names ${field}`);
      }
    }
  });
});

describe('the table of inputs in docs/site-owners.md', () => {
  it('should be the field table, row by row', async () => {
    const { readFileSync } = await import('node:fs');
    const docs = readFileSync(new URL('../../docs/site-owners.md', import.meta.url), 'utf8');
    const table = docs.split('\n\n').find((block) => block.startsWith('| input name |'));
    assert.ok(table, 'a table headed "input name"');
    const rows = table
      .split('\n')
      .slice(2)
      .map((row) =>
        row
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim().replace(/^`|`$/g, '')),
      );
    const expected = FIELD_NAMES.map((field) => {
      const spec = fieldSpec(field);
      const path = leadPath(field).join('.');
      return [field, path, modelStateKey(path), spec.type, spec.autocomplete, String(spec.max ?? 'its format')];
    });
    assert.deepEqual(rows, expected);
  });
});
