/** A failed send → what the visitor sees and hears, and what the site's developer reads in the console. */
import { mapErrorBody } from './api-errors.js';
import type { FieldName } from './fields.js';
import type { Messages } from './messages/index.js';
import type { SubmitResult } from './post-lead.js';
import { CUSTOMER_ID_PLACEHOLDER, leadRoutePath, RELAY_CODES } from './vitec-protocol.js';

export interface Failure {
  /** What the visitor is told, also the error event's `message`. */
  message: string;
  /** The server's words at each shown input (and, for a booking, its time slot). */
  fieldErrors: Partial<Record<FieldName | 'timeSlot', string>>;
  /** Problems for the error summary at the top; empty when the status line says it all. */
  summary: string[];
  /** For the site's developer, never shown to a visitor. */
  developerNote?: string;
  /** No retry can fix it: the visitor is not asked to try again. */
  permanent?: boolean;
}

/** `pageOrigin` is named in the developer's note when the endpoint cannot be reached (CORS is one cause). */
export function describeFailure(
  result: Exclude<SubmitResult, { kind: 'success' | 'queued' | 'aborted' }>,
  t: Messages,
  shown: readonly (FieldName | 'timeSlot')[],
  pageOrigin = 'this page',
  fieldOf?: (key: string) => FieldName | 'timeSlot' | undefined,
): Failure {
  switch (result.kind) {
    case 'invalid': {
      const mapped = mapErrorBody(result.body, shown, fieldOf);
      const message = mapped.formMessages.length
        ? `${t.serverSaid} ${mapped.formMessages.join(' ')}`
        : t.failed.invalid;
      const placed = Object.keys(mapped.fieldErrors).length > 0;
      return {
        message,
        fieldErrors: mapped.fieldErrors,
        summary: mapped.formMessages.length || !placed ? [message] : [],
      };
    }
    case 'auth':
      return {
        message: t.failed.permanent,
        fieldErrors: {},
        summary: [],
        permanent: true,
        developerNote:
          result.status >= 500
            ? `answered ${result.status} ${RELAY_CODES.misconfigured}: Vitec refused the relay's credentials or the customer id (the relay's log says vitec-unauthorized or vitec-forbidden).`
            : `answered ${result.status}: the relay's (or Vitec's) credentials or the customer id are not accepted.`,
      };
    case 'rate-limit':
      return { message: t.failed.rateLimit(result.retryAfterSeconds), fieldErrors: {}, summary: [] };
    case 'server':
      return { message: t.failed.server, fieldErrors: {}, summary: [] };
    case 'unexpected':
      // A 404, 405 or 413, or a 200 without a lead id: the endpoint is not a relay that takes leads.
      return {
        message: t.failed.permanent,
        fieldErrors: {},
        summary: [],
        permanent: true,
        developerNote: `answered ${result.status} with no lead id: is endpoint the relay's lead URL (…${leadRoutePath(CUSTOMER_ID_PLACEHOLDER)})?`,
      };
    case 'network':
      return {
        message: t.failed.network,
        fieldErrors: {},
        summary: [],
        developerNote:
          "could not be reached. Likely causes: the relay is down or the URL is wrong; the relay's ALLOWED_ORIGINS lacks this page's origin " +
          `(${pageOrigin}; the browser then reports a CORS error above); the page's Content-Security-Policy connect-src does not allow the URL.`,
      };
    default:
      return { message: t.failed[result.kind], fieldErrors: {}, summary: [] };
  }
}
