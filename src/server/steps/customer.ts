/** Which brokers this relay sends leads for: 403 for any other customer id in the route. */
import type { MiddlewareHandler } from 'hono';
import { message, type RelayEnv } from '../context.js';

export function checkCustomer(options: { customerIds: readonly string[] }): MiddlewareHandler<RelayEnv> {
  const customers = new Set(options.customerIds);
  return async function checkCustomer(c, next) {
    const customerId = c.get('customerId');
    c.get('record').customerId = customerId.slice(0, 100);
    if (customers.has(customerId)) return next();
    c.get('record').event = 'customer-refused';
    return message(c, 403, 'This customer id may not send leads here.');
  };
}
