// A Worker for the store contract's tests only: it runs `durableObjectStore` (stores/durable-object.ts) inside
// workerd over its `LeadRelayStore` objects, one operation per request, `POST /<operation>` with the
// operation's arguments as a JSON array, answering the result as JSON (`null` for none).
import { durableObjectStore } from './durable-object.js';

export { LeadRelayStore } from './durable-object.js';

const OPERATIONS = new Set(['claim', 'complete', 'release', 'renew', 'stored', 'hit', 'refund']);

export default {
  async fetch(request, env) {
    const operation = new URL(request.url).pathname.slice(1);
    if (request.method !== 'POST' || !OPERATIONS.has(operation)) return new Response('Not found', { status: 404 });
    const store = durableObjectStore(env.RELAY_STORE);
    const result = await store[operation](...(await request.json()));
    return Response.json(result ?? null);
  },
};
