/** 415 unless the body is declared `application/json` in UTF-8 (the default for JSON). */
import type { MiddlewareHandler } from 'hono';
import { message, type RelayEnv } from '../context.js';

export const checkContentType: MiddlewareHandler<RelayEnv> = async function checkContentType(c, next) {
  const type = /^\s*application\/json\s*(;.*)?$/i.exec(c.req.header('content-type') ?? '');
  if (!type) return message(c, 415, 'Send the lead as application/json.');
  const charset = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(type[1] ?? '')?.[1];
  if (charset !== undefined && !/^utf-?8$/i.test(charset)) return message(c, 415, 'Send the lead in UTF-8.');
  return next();
};
