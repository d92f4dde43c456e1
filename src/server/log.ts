/**
 * The relay's log: one JSON line per request (the record the steps fill in, `LogRecord`) and one per event (the
 * relay started, a store went away, Vitec answered late). Nothing personal in any of them.
 */

/** Where log lines go: `console.log` unless the config says otherwise. */
export type Log = (line: string) => void;

export const consoleLog: Log = (line) => console.log(line);

const LINE_SEPARATORS = /[\u2028\u2029]/;

/** JSON escapes CR and LF; U+2028 and U+2029 are escaped too, so a line stays one line everywhere. */
export function logLine(fields: object): string {
  const line = JSON.stringify(fields);
  return LINE_SEPARATORS.test(line) ? line.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029') : line;
}

/** Logs one event with its time first: `{"time":"…","event":"store-ready",…}`. */
export function logEvent(log: Log, event: string, fields: object = {}, now = Date.now()): void {
  log(logLine({ time: new Date(now).toISOString(), event, ...fields }));
}
