/** A failed send → what the visitor sees and hears, and what the site's developer reads in the console. */
import { mapErrorBody } from './api-errors.js';
import type { FieldName } from './lead-paths.js';
import type { Messages } from './messages.js';
import type { SubmitResult } from './submit.js';

export interface Failure {
  /** What the visitor is told, also the error event's `message`. */
  message: string;
  /** The server's words at each shown input. */
  fieldErrors: Partial<Record<FieldName, string>>;
  /** Problems for the error summary at the top; empty when the status line says it all. */
  summary: string[];
  /** For the site's developer, never shown to a visitor. */
  developerNote?: string;
}

export function describeFailure(result: Exclude<SubmitResult, { kind: 'success' | 'aborted' }>, t: Messages, shown: readonly FieldName[]): Failure {
  switch (result.kind) {
    case 'invalid': {
      const mapped = mapErrorBody(result.body, shown);
      const message = mapped.formMessages.length ? `${t.serverSaid} ${mapped.formMessages.join(' ')}` : t.failed.invalid;
      const placed = Object.keys(mapped.fieldErrors).length > 0;
      return { message, fieldErrors: mapped.fieldErrors, summary: mapped.formMessages.length || !placed ? [message] : [] };
    }
    case 'auth':
      return {
        message: t.failed.auth,
        fieldErrors: {},
        summary: [],
        developerNote:
          result.status >= 500
            ? `answered ${result.status} relay-misconfigured: Vitec refused the relay's credentials or the customer id (the relay's log says vitec-unauthorized or vitec-forbidden).`
            : `answered ${result.status}: the relay's (or Vitec's) credentials or the customer id are not accepted.`,
      };
    case 'rate-limit':
      return { message: t.failed.rateLimit(result.retryAfterSeconds), fieldErrors: {}, summary: [] };
    case 'server':
      return { message: t.failed.server, fieldErrors: {}, summary: [] };
    case 'unexpected':
      return { message: t.failed.unexpected, fieldErrors: {}, summary: [], developerNote: `answered ${result.status} with no lead id.` };
    default:
      return { message: t.failed[result.kind], fieldErrors: {}, summary: [] };
  }
}
