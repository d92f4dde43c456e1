/** The relay's routes: the lead route (POST, and OPTIONS for CORS), `/healthz`, and nothing else. */
import type { MiddlewareHandler } from 'hono';
import { answer, message, methodOf, type RelayEnv } from '../context.js';

/** Vitec's own path, so that the element needs no special mode; matched as Vitec's IIS does, case-insensitively. */
export const LEAD_ROUTE = /^\/PublicAdvertising\/([^/]+)\/Contact\/Person\/Lead\/?$/i;

/** `GET`/`HEAD /healthz` for load balancers; never calls Vitec. */
export const health: MiddlewareHandler<RelayEnv> = async function health(c, next) {
  if (c.req.path !== '/healthz') return next();
  c.get('record').route = 'healthz';
  const method = methodOf(c);
  if (method !== 'GET' && method !== 'HEAD') return message(c, 405, 'Method not allowed.', { allow: 'GET, HEAD' });
  return answer(c, 200, '{"status":"ok"}');
};

/** 404 for any other path, 405 for a method the lead route does not take; sets the customer id. */
export const routeLead: MiddlewareHandler<RelayEnv> = async function routeLead(c, next) {
  const route = LEAD_ROUTE.exec(c.req.path);
  if (!route) return message(c, 404, 'Not found.');
  c.get('record').route = 'lead';
  const method = methodOf(c);
  if (method !== 'POST' && method !== 'OPTIONS')
    return message(c, 405, 'Method not allowed.', { allow: 'POST, OPTIONS' });
  let customerId: string;
  try {
    customerId = decodeURIComponent(route[1]!);
  } catch {
    return message(c, 404, 'Not found.');
  }
  c.set('customerId', customerId);
  return next();
};
