/**
 * What the website kinds' schemas and bodies (kind-schemas.ts, kind-payload.ts) take from the person lead's: Zod's
 * functions, the shared field schemas and the form's check, as one object that they read when they run.
 *
 * Why an object: in the drop-in's split build the kinds' part is a file of its own (kind-behaviour.ts), loaded by the
 * behaviour, and it must not import the behaviour's file statically. Firefox remembers a failed module URL for the
 * page's life, so a kind's form whose behaviour failed to load once would never send until a reload (load-once.ts).
 * So in that build the kinds' part gets a holder in this module's place (build/chunk-plugins.ts), and the behaviour
 * hands it this object when it loads it (behaviour.ts). Everywhere else (the relay, the tests, the one-file build)
 * this module is itself and `provideKindDeps` changes nothing.
 */
import { boolean, custom, object, optional, regex, string, superRefine } from 'zod/mini';
import { checkForm, compactLead } from './lead-payload.js';
import { configureZod, email, leadIssues, marketing, name, optionalPhone, text, zipCode } from './lead-schema.js';

const own = {
  z: { boolean, custom, object, optional, regex, string, superRefine },
  configureZod,
  email,
  leadIssues,
  marketing,
  name,
  optionalPhone,
  text,
  zipCode,
  checkForm,
  compactLead,
};
export type KindDeps = typeof own;

/** The functions the kinds' schemas and bodies use; the behaviour's own in the split build, once handed over. */
export let kindDeps: KindDeps = own;

/** Hands the kinds' part the behaviour's functions (in the split build; elsewhere they are the same ones). */
export function provideKindDeps(deps: KindDeps): void {
  kindDeps = deps;
}
