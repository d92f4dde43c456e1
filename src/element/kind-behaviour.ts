/**
 * What a website kind's form needs once the visitor acts (lead-kinds.ts): building its body and checking it with its
 * schema (kind-payload.ts, kind-schemas.ts). The lazily loaded behaviour (behaviour.ts) loads it for such a form only,
 * so that a lead form never fetches the other kinds' schemas, and hands it Zod and the person lead's functions
 * (kind-deps.ts): this file imports nothing from the behaviour's.
 */
export { buildKindBody, validateKindForm } from '../lead/kind-payload.js';
export { kindFieldOfKey } from '../lead/kind-rules.js';
export { provideKindDeps } from '../lead/kind-deps.js';
