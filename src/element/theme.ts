/**
 * The public theming tokens, `--vitec-lead-form-<name>`, each with its default on a light page and, where it
 * differs, on a dark page (no default: the page's own value is inherited). The stylesheet
 * (lead-form.styles.ts) reads each into a private `--_<name>`, the class JSDoc's `@cssprop` lines list them and
 * docs/site-owners.md has a table of them: test/unit/theme.test.ts checks that all three say this table.
 */
export const THEME_TOKENS: readonly (readonly [name: string, light?: string, dark?: string])[] = [
  ['accent', '#0b5cad', '#8ab4f8'],
  ['focus', '#141414', '#f2f2f2'],
  ['text'],
  ['background', 'Canvas'],
  ['border', '#6b6b6b', '#9a9a9a'],
  ['error', '#b3261e', '#ff8f84'],
  ['radius', '4px'],
  ['spacing', '1rem'],
  ['font'],
];
