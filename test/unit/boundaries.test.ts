// The layers' boundaries are kept by the linter: each test lints a planted file at a real path in the
// tree, with the project's own ESLint config, and sees the import across the boundary refused.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: fileURLToPath(new URL('../..', import.meta.url)) });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the layers the linter keeps', () => {
  const planted: [string, string, string, RegExp][] = [
    [
      'the browser importing the relay',
      'src/planted.ts',
      "import { createLeadRelay } from './server/relay.js';\nexport const x = createLeadRelay;",
      /never imports server code/,
    ],
    [
      'the relay importing the element',
      'src/server/planted.ts',
      "import { VitecLeadFormElement } from '../lead-form.js';\nexport const x = VitecLeadFormElement;",
      /nothing of the element/,
    ],
    [
      'the relay importing Lit',
      'src/server/planted.ts',
      "import { html } from 'lit';\nexport const x = html;",
      /nothing of the element/,
    ],
    [
      'the relay importing a page module',
      'src/server/planted.ts',
      "import { recordPageVisit } from '../page-visit.js';\nexport const x = recordPageVisit;",
      /nothing of the element/,
    ],
    [
      'a pure module importing a page module',
      'src/lead-payload.ts',
      "import { readDraft } from './draft-storage.js';\nexport const x = readDraft;",
      /imports no page module/,
    ],
    [
      'a pure module importing Lit',
      'src/messages.ts',
      "import { html } from 'lit';\nexport const x = html;",
      /neither Lit nor the server/,
    ],
    [
      'a pure module reading storage',
      'src/marketing.ts',
      "export const x = () => localStorage.getItem('k');",
      /does not touch the page/,
    ],
    [
      'a pure module reading the location',
      'src/lead-schema.ts',
      'export const x = () => location.href;',
      /does not touch the page/,
    ],
  ];
  for (const [what, path, code, message] of planted) {
    it(`should fail lint on ${what}`, async () => {
      const found = await problems(path, code);
      assert.ok(
        found.some((p) => message.test(p)),
        found.join('\n') || 'no problem reported',
      );
    });
  }

  it('should let each layer import what it may', async () => {
    assert.deepEqual(
      await problems(
        'src/server/planted.ts',
        "import { validateLead } from '../lead-schema.js';\nexport const x = validateLead;",
      ),
      [],
    );
    assert.deepEqual(
      await problems(
        'src/planted.ts',
        "import { recordPageVisit } from './page-visit.js';\nexport const x = recordPageVisit;",
      ),
      [],
    );
    assert.deepEqual(
      await problems('src/lead-payload.ts', "import { leadPath } from './lead-paths.js';\nexport const x = leadPath;"),
      [],
    );
  });
});
