// `npm run lint`: TypeScript's recommended rules, Lit's template rules, and the boundaries between the layers,
// as globs over their folders, so that a new file is covered with nothing to list (test/unit/boundaries.test.ts
// plants one in each folder and sees each forbidden import refused):
// - src/lead/     pure: imports nothing of the element, the page or the server, no Lit, and touches no page global;
// - src/element/  the Lit view: imports the lead and the page, never the server;
// - src/page/     what touches the page: imports the lead, never the element, the server or Lit;
// - src/server/   the relay: imports the lead, never the element, the page or Lit.
import lit from 'eslint-plugin-lit';
import tseslint from 'typescript-eslint';

const LIT = ['lit', 'lit/*', '@lit/*'];
/** Import patterns that reach a layer's folder from anywhere in src/ (`../element/x.js`, `../../page/y.js`). */
const layer = (name) => [`**/${name}`, `**/${name}/**`, `./${name}/**`];

function refuse(layers, message, { lit: noLit = false } = {}) {
  return [
    'error',
    {
      patterns: [{ group: layers.flatMap(layer), message }, ...(noLit ? [{ group: LIT, message }] : [])],
    },
  ];
}

const PAGE_GLOBALS = ['window', 'document', 'location', 'localStorage', 'sessionStorage', 'history'].map((name) => ({
  name,
  message: 'A module in src/lead/ does not touch the page: take what it needs as an argument, or put it in src/page/.',
}));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'custom-elements.json'] },
  ...tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['src/*.ts'],
    rules: { 'no-restricted-imports': refuse(['server'], 'The browser entry never imports server code.') },
  },
  {
    files: ['src/lead/**/*.ts'],
    rules: {
      'no-restricted-imports': refuse(
        ['element', 'page', 'server'],
        'A module in src/lead/ is pure: it imports nothing of the element, the page or the server, and no Lit.',
        { lit: true },
      ),
      'no-restricted-globals': ['error', ...PAGE_GLOBALS],
    },
  },
  {
    files: ['src/element/**/*.ts'],
    rules: { 'no-restricted-imports': refuse(['server'], 'The element never imports server code.') },
  },
  {
    files: ['src/page/**/*.ts'],
    rules: {
      'no-restricted-imports': refuse(
        ['element', 'server'],
        'A module in src/page/ imports neither the element nor the server, and no Lit.',
        { lit: true },
      ),
    },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': refuse(
        ['element', 'page'],
        'The relay imports nothing of the element or the page, and no Lit.',
        {
          lit: true,
        },
      ),
    },
  },
  {
    // Chai's property assertions (`expect(x).to.exist`) are expressions by design.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
