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
