/** A Vite plugin for the drop-in build that shapes its chunks. */
import type { Plugin } from 'vite';

/** The modules of the text rules the visit's recording shares with the behaviour's schema. */
const SHARED_RULES = /^\.\/(limits|text-rules)\.js$/;

/**
 * The visit's recording (src/page/attribution.ts, a chunk fetched at idle or by a submit) gets its own copy of the
 * text rules and limits it shares with the schema, about 200 bytes, instead of the behaviour importing them from it.
 * So no chunk imports the recording's statically, and a failed fetch of it can be tried again under another URL
 * (src/page/load-once.ts): Firefox remembers a failed module URL for the page's life, and a static import of it
 * fails there until the page is loaded again, whichever URL the importing chunk came from.
 */
export const recordingOwnsItsRules: Plugin = {
  name: 'recording-owns-its-rules',
  enforce: 'pre',
  async resolveId(source, importer) {
    if (!importer?.endsWith('/src/lead/marketing.ts') || !SHARED_RULES.test(source)) return undefined;
    const resolved = await this.resolve(source, importer, { skipSelf: true });
    return resolved ? `${resolved.id}?recording` : undefined;
  },
};

/** The module of what the kinds' part takes from the behaviour (src/lead/kind-deps.ts), as its importers name it. */
const KIND_DEPS = /(^|\/)kind-deps\.js$/;
const HOLDER = '\0kind-deps-holder';

/**
 * The kinds' part (src/element/kind-behaviour.ts, a chunk the behaviour loads for an interest, booking or valuation
 * form) gets a holder in place of kind-deps.ts: a variable the behaviour fills when it loads the part
 * (src/element/behaviour.ts). So the part imports nothing from the behaviour's chunk, in which Rolldown would
 * otherwise leave Zod and the person lead's functions for it to import statically: after one failed fetch of the
 * behaviour, which is tried again under another URL, Firefox would fail that static import for the page's life. Only
 * the behaviour itself gets the real module.
 */
export const kindsTakeTheirDeps: Plugin = {
  name: 'kinds-take-their-deps',
  enforce: 'pre',
  resolveId(source, importer) {
    if (!KIND_DEPS.test(source) || !importer || importer.endsWith('/src/element/behaviour.ts')) return undefined;
    return HOLDER;
  },
  load(id) {
    if (id !== HOLDER) return undefined;
    return 'export let kindDeps;\nexport function provideKindDeps(deps) {\n  kindDeps = deps;\n}\n';
  },
};

/**
 * V8's explicit compile hint (Chrome 136 on): with `//# allFunctionsCalledOnLoad` as its first line, a file's functions
 * are compiled as it streams in, on a background thread, instead of each on the page's main thread the first time it
 * is called. Each file of the drop-in runs much of its code soon after it arrives: the entry (Lit, the element, its
 * first render; and so the one-file build, which holds them) and the files a form awaits before it draws (another
 * language, the kinds' view) as the form draws; the behaviour, the kinds' part of it and the visit's recording when
 * they build the schema, rehearse one check and record the visit at idle. What runs only at a submit is compiled too,
 * off the main thread, for a little memory. Measured with two builds alternated (`bench/ab.ts`, 50 rounds at 1×):
 * -4.2 ms of the page's main-thread CPU per load (IQR -5.6 to -2.3); and from the first focus in the form until idle,
 * -3.8 ms (IQR -5.2 to -3.4), the longest task 4.0 ms down to 2.8 (16 rounds). Other engines read it as a comment.
 * After the minifier, which drops comments.
 */
export const compileHints: Plugin = {
  name: 'compile-hints',
  enforce: 'post',
  generateBundle(_options, bundle) {
    for (const chunk of Object.values(bundle))
      if (chunk.type === 'chunk') chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
  },
};
