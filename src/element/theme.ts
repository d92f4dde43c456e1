/**
 * The public theming tokens, `--vitec-lead-form-<name>`, each with its default on a light page and, where it
 * differs, on a dark page (no default: the page's own value is inherited). The stylesheet reads each into a
 * private `--_<name>` from this table; the class JSDoc's `@cssprop` lines and the table in
 * docs/site-owners.md say the same (test/unit/theme.test.ts compares names and defaults).
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

/**
 * The tokens as private properties, `--_<name>:var(--vitec-lead-form-<name>,<default>);`: on a light page each
 * with its light default, or in `light-dark()` those that differ on a dark page.
 */
export const tokenDeclarations = (dark?: boolean): string =>
  THEME_TOKENS.map(([name, light = '', darkValue]) =>
    !dark
      ? `--_${name}:var(--vitec-lead-form-${name}${light && ','}${light});`
      : darkValue
        ? `--_${name}:var(--vitec-lead-form-${name},light-dark(${light},${darkValue}));`
        : '',
  ).join('');
