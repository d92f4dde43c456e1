// `npm run lint`: TypeScript's recommended rules, Lit's template rules, and the boundaries between the
// layers: browser ↛ server, server ↛ browser, pure ↛ page (test/unit/boundaries.test.ts proves each).
import lit from 'eslint-plugin-lit';
import tseslint from 'typescript-eslint';

/** Modules that touch the page (DOM, storage, location) or render: only the element and the entry use them. */
const PAGE_MODULES = [
  'lead-form',
  'lead-form-attributes',
  'lead-form.styles',
  'lead-sender',
  'behaviour',
  'form-behaviour',
  'form-templates',
  'error-summary',
  'define',
  'index',
  'page-visit',
  'draft-storage',
  'data-layer',
];
/** Modules that are pure logic, shared by the element and the relay. */
const PURE_MODULES = [
  'lead-schema',
  'lead-limits',
  'lead-paths',
  'lead-payload',
  'personnummer',
  'api-errors',
  'messages',
  'marketing',
  'form-fields',
  'form-config',
  'site-options',
  'failure',
  'submit',
];

const pageImports = (prefix) =>
  PAGE_MODULES.flatMap((name) => [`${prefix}${name}`, `${prefix}${name}.js`, `${prefix}${name}.ts`]);
const PAGE_GLOBALS = ['window', 'document', 'location', 'localStorage', 'sessionStorage', 'history'].map((name) => ({
  name,
  message:
    'A pure module does not touch the page: take what it needs as an argument, or put it in a page module (page-visit.ts, draft-storage.ts, data-layer.ts).',
}));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'custom-elements.json'] },
  ...tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/server/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server', '**/server/**'], message: 'The browser bundle never imports server code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: pageImports('../').map((name) => ({
            name,
            message: 'The relay imports nothing of the element or the page.',
          })),
          patterns: [
            { group: ['lit', 'lit/*', '@lit/*'], message: 'The relay imports nothing of the element or the page.' },
          ],
        },
      ],
    },
  },
  {
    files: PURE_MODULES.map((name) => `src/${name}.ts`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: pageImports('./').map((name) => ({ name, message: 'A pure module imports no page module.' })),
          patterns: [
            {
              group: ['lit', 'lit/*', '@lit/*', '**/server', '**/server/**'],
              message: 'A pure module imports neither Lit nor the server.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...PAGE_GLOBALS],
    },
  },
  {
    // Chai's property assertions (`expect(x).to.exist`) are expressions by design.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
