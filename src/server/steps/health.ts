/** `GET`/`HEAD /healthz` for load balancers; never calls Vitec. */
import type { MiddlewareHandler } from 'hono';
import { answer, message, methodOf, type RelayEnv } from '../context.js';

export const health: MiddlewareHandler<RelayEnv> = async function health(c, next) {
  if (c.req.path !== '/healthz') return next();
  c.get('record').route = 'healthz';
  const method = methodOf(c);
  if (method !== 'GET' && method !== 'HEAD') return message(c, 405, 'Method not allowed.', { allow: 'GET, HEAD' });
  return answer(c, 200, '{"status":"ok"}');
};
