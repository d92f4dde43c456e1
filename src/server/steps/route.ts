/**
 * The lead route (POST, and the CORS preflight) and nothing else: 404 for another path, 405 for another method. An
 * `OPTIONS` that is no preflight (no `Origin` or no `Access-Control-Request-Method`) is a method the route does not
 * take, so it is answered here, before anything reads its body.
 */
import type { MiddlewareHandler } from 'hono';
import { LEAD_ROUTE } from '../../lead/vitec-protocol.js';
import { message, methodOf, type RelayEnv } from '../context.js';

/** 404 for any other path, 405 for a method the lead route does not take; sets the customer id. */
export const routeLead: MiddlewareHandler<RelayEnv> = async function routeLead(c, next) {
  const route = LEAD_ROUTE.exec(c.req.path);
  if (!route) return message(c, 404, 'Not found.');
  c.get('record').route = 'lead';
  const method = methodOf(c);
  const preflight =
    method === 'OPTIONS' && c.req.header('origin') !== undefined && !!c.req.header('access-control-request-method');
  if (method !== 'POST' && !preflight) return message(c, 405, 'Method not allowed.', { allow: 'POST, OPTIONS' });
  let customerId: string;
  try {
    customerId = decodeURIComponent(route[1]!);
  } catch {
    return message(c, 404, 'Not found.');
  }
  c.set('customerId', customerId);
  return next();
};
