/** Vite plugins for the drop-in build: smaller css`` and html`` templates, and a terser pass over the chunk. */
import { minify } from 'terser';
import type { Plugin } from 'vite';

/**
 * A stylesheet without what it does not need: comments, runs of white space (one space stays), the space around
 * braces and semicolons, after a declaration's colon, after a comma, around a child combinator and around `*` and
 * `/` (calc() needs it only around `+` and `-`), and a fraction's leading zero. Never the space before a colon in a
 * selector (`.a :focus` is not `.a:focus`); quoted strings are kept as written. test/e2e/stylesheet.test.ts checks
 * in Chromium that the element's stylesheet parses to the same rules before and after.
 */
export function minifyCss(text: string): string {
  const strings: string[] = [];
  const held = text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, (quoted) => `\u0000${strings.push(quoted) - 1}\u0000`);
  return (
    held
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};])\s*/g, '$1')
      .replace(/;}/g, '}')
      // A declaration: a name after { or ;, its value running to ; or } with no { between (a selector has one).
      .replace(/([{;][-\w]+):\s*(?=[^{};]*[;}])/g, '$1:')
      .replace(/,\s+/g, ',')
      .replace(/\s*>\s*/g, '>')
      .replace(/ ([*/]) /g, '$1')
      .replace(/(?<![\w.])0\.(\d)/g, '.$1')
      .trim()
      .replace(/\u0000(\d+)\u0000/g, (_all, i: string) => strings[Number(i)]!)
  );
}

/** Minifies the CSS inside the css`` templates of `*.styles.ts`, which no minifier touches (see minifyCss). */
export const minifyCssTemplates: Plugin = {
  name: 'minify-css-templates',
  transform(code, id) {
    if (!id.endsWith('.styles.ts')) return undefined;
    return code.replace(/css`([^`]*)`/g, (_all, text: string) => `css\`${minifyCss(text)}\``);
  },
};

/**
 * Collapses the white space that indents html`` templates: a line break with its indentation goes when it
 * touches a tag (`>` before or `<` after) and becomes one space elsewhere. Spaces within a line stay.
 */
export const minifyHtmlTemplates: Plugin = {
  name: 'minify-html-templates',
  transform(code, id) {
    if (!/\/src\/.*\.ts$/.test(id) || !code.includes('html`')) return undefined;
    const edits: { start: number; end: number; text: string }[] = [];
    const visit = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      if (Array.isArray(node)) return node.forEach(visit);
      const n = node as {
        type?: string;
        tag?: { type: string; name?: string };
        quasi?: { quasis: { start: number; end: number; value: { raw: string } }[] };
      };
      if (n.type === 'TaggedTemplateExpression' && n.tag?.type === 'Identifier' && n.tag.name === 'html') {
        for (const q of n.quasi!.quasis) {
          const raw = code.slice(q.start, q.end);
          const text = raw.replace(/(>?)\s*\n\s*(<?)/g, (_m, gt: string, lt: string) => (gt || lt ? gt + lt : ' '));
          if (text !== raw) edits.push({ start: q.start, end: q.end, text });
        }
      }
      for (const value of Object.values(n)) if (value && typeof value === 'object') visit(value);
    };
    visit(this.parse(code));
    if (!edits.length) return undefined;
    let out = code;
    for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
    return { code: out, map: null };
  },
};

/**
 * Terser over the minified chunk: three passes end about 350 bytes (gzip) below Oxc's minifier alone
 * for this bundle. No unsafe transforms.
 */
export const terserPass: Plugin = {
  name: 'terser-pass',
  enforce: 'post',
  async generateBundle(_options, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk') continue;
      const result = await minify(chunk.code, {
        module: true,
        ecma: 2020,
        compress: { passes: 3 },
        format: { comments: false },
      });
      if (result.code) chunk.code = result.code;
    }
  },
};

/**
 * Drops each language's relay texts (`relayMessages`, the last export of `src/lead/messages/xx.ts`) from the browser
 * files: the registry maps every language at run time (one line per language, `languages.ts`), so without this the
 * relay's words would ride along to every page. test/unit/languages.test.ts keeps `relayMessages` last in each file,
 * and test/e2e/bundle.test.ts looks for the relay's words in the built files.
 */
export const browserTextsOnly: Plugin = {
  name: 'vitec:browser-texts-only',
  transform(code, id) {
    if (!/[\\/]src[\\/]lead[\\/]messages[\\/][a-z]{2,3}\.ts$/.test(id)) return null;
    const at = code.indexOf('export const relayMessages');
    if (at < 0) this.error(`${id} has no relayMessages export to drop`);
    return { code: `${code.slice(0, at)}export const relayMessages = undefined;\n`, map: null };
  },
};
