// The layers' boundaries are kept by the linter, by folder: each test lints a new file planted in a folder
// (a name no rule lists), with the project's own ESLint config, and sees the import across the boundary refused.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: fileURLToPath(new URL('../..', import.meta.url)) });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

const importing = (specifier: string) => `import * as planted from '${specifier}';\nexport const x = planted;`;

describe('the layers the linter keeps', () => {
  const refused: [what: string, path: string, code: string, message: RegExp][] = [
    ['the entry importing the relay', 'src/planted.ts', importing('./server/relay.js'), /never imports server code/],
    [
      'the element importing the relay',
      'src/element/planted.ts',
      importing('../server/relay.js'),
      /never imports server/,
    ],
    [
      'an element template importing the relay',
      'src/element/templates/planted.ts',
      importing('../../server/steps/route.js'),
      /never imports server/,
    ],
    [
      'the relay importing the element',
      'src/server/planted.ts',
      importing('../element/lead-form.js'),
      /nothing of the element/,
    ],
    [
      'a relay step importing a page module',
      'src/server/steps/planted.ts',
      importing('../../page/visit.js'),
      /nothing of/,
    ],
    ['the relay importing Lit', 'src/server/stores/planted.ts', importing('lit'), /nothing of the element/],
    ['a pure module importing a page module', 'src/lead/planted.ts', importing('../page/draft.js'), /is pure/],
    [
      'a pure module importing the element',
      'src/lead/messages/planted.ts',
      importing('../../element/lead-events.js'),
      /is pure/,
    ],
    ['a pure module importing the relay', 'src/lead/planted.ts', importing('../server/relay.js'), /is pure/],
    ['a pure module importing Lit', 'src/lead/planted.ts', importing('lit/decorators.js'), /is pure/],
    [
      'a pure module reading storage',
      'src/lead/planted.ts',
      "export const x = () => localStorage.getItem('k');",
      /does not touch the page/,
    ],
    [
      'a pure module reading the location',
      'src/lead/messages/planted.ts',
      'export const x = () => location.href;',
      /does not touch the page/,
    ],
    [
      'a page module importing the element',
      'src/page/planted.ts',
      importing('../element/lead-form.js'),
      /imports neither the element/,
    ],
    [
      'a page module importing the relay',
      'src/page/planted.ts',
      importing('../server/relay.js'),
      /imports neither the element/,
    ],
    ['a page module importing Lit', 'src/page/planted.ts', importing('lit'), /imports neither the element/],
  ];
  for (const [what, path, code, message] of refused) {
    it(`should fail lint on ${what}`, async () => {
      const found = await problems(path, code);
      assert.ok(
        found.some((p) => message.test(p)),
        found.join('\n') || 'no problem reported',
      );
    });
  }

  const allowed: [what: string, path: string, code: string][] = [
    ['the relay importing the lead', 'src/server/steps/planted.ts', importing('../../lead/lead-schema.js')],
    [
      'the element importing the page and the lead',
      'src/element/planted.ts',
      `${importing('../page/visit.js')}\n${importing('../lead/fields.js').replace(/planted/g, 'other')}`,
    ],
    ['a page module importing the lead', 'src/page/planted.ts', importing('../lead/marketing.js')],
    ['a pure module importing another', 'src/lead/planted.ts', importing('./fields.js')],
  ];
  for (const [what, path, code] of allowed) {
    it(`should pass lint on ${what}`, async () => {
      assert.deepEqual(await problems(path, code), []);
    });
  }
});
