/** One JSON line per request, built as one record that the steps fill in (see `LogRecord`). */
import type { MiddlewareHandler } from 'hono';
import { type LogRecord, methodOf, type RelayEnv } from './context.js';

/** JSON escapes CR and LF; U+2028 and U+2029 are escaped too, so a line stays one line everywhere. */
export function logLine(fields: object): string {
  const line = JSON.stringify(fields);
  return LINE_SEPARATORS.test(line) ? line.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029') : line;
}

const LINE_SEPARATORS = /[\u2028\u2029]/;

/** Starts the record, and writes it once the answer is known. */
export function logRequests(log: (line: string) => void, now: () => number): MiddlewareHandler<RelayEnv> {
  return async function logRequest(c, next) {
    const started = now();
    const record: LogRecord = {
      time: new Date(started).toISOString(),
      requestId: c.get('requestId'),
      method: methodOf(c).slice(0, 20),
      route: c.req.path.slice(0, 100),
    };
    c.set('record', record);
    c.set('started', started);
    await next();
    record.status = c.res.status;
    record.latencyMs = now() - started;
    log(logLine(record));
  };
}
