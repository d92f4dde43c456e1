/**
 * The relay's routes (lead-kinds.ts: the person lead, an interest, a viewing booking, a valuation, each a POST, and an
 * estate's viewings, a GET), with their CORS preflight, and nothing else: 404 for another path, 405 for another
 * method. An `OPTIONS` that is no preflight (no `Origin` or no `Access-Control-Request-Method`) is a method the route
 * does not take, so it is answered here, before anything reads its body. Sets the route, the customer id, the estate
 * id and the path at Vitec (made again from the decoded ids, so that Vitec gets one spelling of each).
 */
import type { MiddlewareHandler } from 'hono';
import { estatePath, kindPath, matchRoute, VITEC_ID } from '../../lead/lead-kinds.js';
import { message, methodOf, type RelayEnv } from '../context.js';

function decoded(segment: string | undefined): string | undefined {
  if (segment === undefined) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** Whether a request path is one of the relay's routes (for the CORS preflight). */
export const isRelayRoute = (path: string): boolean => matchRoute(path, true) !== undefined;

/** 404 for any other path, 405 for a method the route does not take; sets the route and its ids. */
export const routeLead: MiddlewareHandler<RelayEnv> = async function routeLead(c, next) {
  const route = matchRoute(c.req.path, true);
  if (!route) return message(c, 404, 'Not found.');
  c.get('record').route = route.name;
  const method = methodOf(c);
  const preflight =
    method === 'OPTIONS' && c.req.header('origin') !== undefined && !!c.req.header('access-control-request-method');
  if (method !== route.method && !(route.method === 'GET' && method === 'HEAD') && !preflight)
    return message(c, 405, 'Method not allowed.', { allow: `${route.method}, OPTIONS` });
  const customerId = decoded(route.customer);
  if (customerId === undefined) return message(c, 404, 'Not found.');
  const estateId = decoded(route.estate);
  // An estate id is Vitec's (letters, digits, - and _): anything else names no estate, and is not sent on.
  if (route.estate !== undefined && (estateId === undefined || !VITEC_ID.test(estateId)))
    return message(c, 404, 'No estate has this id.');
  c.set('customerId', customerId);
  c.set('route', route.name);
  if (estateId !== undefined) c.set('estateId', estateId);
  c.set(
    'vitecPath',
    route.name === 'estate' ? estatePath(customerId, estateId!) : kindPath(route.name, customerId, estateId),
  );
  return next();
};
