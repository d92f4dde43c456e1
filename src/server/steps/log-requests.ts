/** The request's log line: one record that the steps fill in (see `LogRecord`), written once the answer is known. */
import type { MiddlewareHandler } from 'hono';
import { type LogRecord, methodOf, type RelayEnv } from '../context.js';
import { type Log, logLine } from '../log.js';

export function logRequests(options: { log: Log; now: () => number }): MiddlewareHandler<RelayEnv> {
  const { log, now } = options;
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
