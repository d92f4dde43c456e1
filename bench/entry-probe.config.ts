/**
 * A measurement for issue 17, not a build: the drop-in as it would be if everything but the view loaded
 * lazily. Zod, the schema, building and validating the lead, sending, failure mapping, personnummer, the
 * data layer and the draft are replaced by an empty stand-in; what is left (Lit, the view, its CSS, both
 * languages' text, the visit capture) is the floor of an entry file.
 *
 *   npx vite build --config bench/entry-probe.config.ts && gzip -9c node_modules/.entry-probe/vitec-lead-form.js | wc -c
 */
import { defineConfig } from 'vite';
import base from '../vite.config.ts';
const STUBS = [
  'lead-sender',
  'lead-payload',
  'failure',
  'api-errors',
  'submit',
  'personnummer',
  'data-layer',
  'draft-storage',
];
export default defineConfig({
  ...base,
  plugins: [
    {
      name: 'stub-lazy',
      enforce: 'pre',
      resolveId(id) {
        if (id === 'zod/mini') return '\0stub:zod';
        const name = id.split('/').pop()!.replace(/\.js$/, '');
        if (STUBS.includes(name)) return `\0stub:${name}`;
        return null;
      },
      load(id) {
        if (!id.startsWith('\0stub:')) return null;
        // A Proxy that stands for any export: enough for the view to build, nothing of the real code.
        return `const any = new Proxy(function () {}, { get: () => any, apply: () => any, construct: () => any });
export default any; export const z = any; ${['string', 'object', 'array', 'optional', 'boolean', 'number', 'union', 'literal', 'check', 'refine', 'pipe', 'transform', 'nullable', 'extend', '_default', 'minLength', 'maxLength', 'regex', 'trim', 'int', 'gte', 'lte', 'overwrite', 'superRefine', 'lazy', 'record', 'unknown', 'custom', 'email', 'nonnegative', 'safeParse', 'parse', 'prefault', 'partial', 'strictObject', 'looseObject', 'tuple'].map((n) => `export const ${n} = any;`).join(' ')}
export const LeadSender = class { constructor(){} track(){} forget(){} send(){} }; export const buildLead = any; export const validateForm = any; export const compactLead = any; export const describeFailure = any; export const mapErrorBody = any; export const newIdempotencyKey = any; export const postLeadWithRetry = any; export const postLead = any; export const isRetryable = any; export const parseRetryAfter = any; export const parsePersonnummer = any; export const pushDataLayer = any; export const draftKey = any; export const readDraft = any; export const writeDraft = any;`;
      },
    },
    ...(base.plugins as never[]),
  ],
  build: { ...base.build, outDir: 'node_modules/.entry-probe', emptyOutDir: true },
});
