/**
 * The other ways to reach the broker that a form offers when a lead cannot be sent (`fallback-email`,
 * `fallback-phone`): in the entry file, as the form offers them even when its lazily loaded part does not arrive.
 */
import { FIELD_NAMES } from './fields.js';

/** A mailto URL must stay short enough for every mail program: about 2,000 characters in all. */
const MAILTO_BODY_MAX = 1500;

/**
 * A `mailto:` link to `email` whose subject and body carry what the visitor typed (name, contact details,
 * address, message), so that a lead that cannot be sent can still reach the broker. Never the
 * personnummer: an e-mail is no place for it.
 */
export function fallbackMailto(
  email: string,
  subject: string,
  values: Readonly<Record<string, string | boolean | undefined>>,
  labels: Readonly<Record<string, string>>,
): string {
  const lines: string[] = [];
  // In the form's order, whatever order the visitor typed in.
  for (const field of FIELD_NAMES) {
    const value = values[field];
    if (field === 'socialSecurityNumber' || field === 'message') continue;
    if (typeof value === 'string' && value.trim()) lines.push(`${labels[field] ?? field}: ${value.trim()}`);
  }
  const message = typeof values.message === 'string' ? values.message.trim() : '';
  let body = lines.join('\n');
  if (message) body += `\n\n${message}`;
  if (body.length > MAILTO_BODY_MAX) body = `${body.slice(0, MAILTO_BODY_MAX - 1)}…`;
  return `mailto:${encodeURIComponent(email.trim()).replace('%40', '@')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

/** A `tel:` link for a phone number as people write it ("08-123 456 78"). */
export function telLink(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
