/**
 * Any error body (ASP.NET Web API `ModelState`, ASP.NET Core ProblemDetails `errors`, the relay's
 * answers, plain text) → the message for each input plus form-level messages. Never throws, whatever
 * the shape: odd keys, huge arrays and deep nesting are read only as far as needed.
 */
import { type FieldName, fieldOfKey } from './fields.js';

export interface MappedErrors {
  /** The server's text for each shown input it names (and, for a booking, its time slot). */
  fieldErrors: Partial<Record<FieldName | 'timeSlot', string>>;
  /** Messages that belong to no shown input. */
  formMessages: string[];
}

const MAX_ENTRIES = 50;
const MAX_TEXT = 500;

function texts(value: unknown): string[] {
  const list = Array.isArray(value) ? value.slice(0, MAX_ENTRIES) : [value];
  return list
    .map((item) =>
      typeof item === 'string'
        ? item
        : item && typeof item === 'object'
          ? ((item as Record<string, unknown>).ErrorMessage ?? (item as Record<string, unknown>).message)
          : undefined,
    )
    .filter((item): item is string => typeof item === 'string' && item.trim() !== '')
    .map((item) => item.trim().slice(0, MAX_TEXT));
}

function own(object: object, key: string): unknown {
  const found = Object.keys(object).find((k) => k.toLowerCase() === key);
  return found === undefined ? undefined : (object as Record<string, unknown>)[found];
}

/**
 * Maps an error body to the inputs that are shown; everything else becomes a form-level message. `fieldOf` reads a
 * key (another kind's than the person lead's, lead-kinds.ts).
 */
export function mapErrorBody(
  body: unknown,
  shown: readonly (FieldName | 'timeSlot')[],
  fieldOf: (key: string) => FieldName | 'timeSlot' | undefined = fieldOfKey,
): MappedErrors {
  const result: MappedErrors = { fieldErrors: {}, formMessages: [] };
  if (typeof body === 'string') {
    const text = body.trim();
    if (text && !text.startsWith('<')) result.formMessages.push(text.slice(0, MAX_TEXT));
    return result;
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return result;

  const errors = own(body, 'modelstate') ?? own(body, 'errors');
  const place = (key: string, value: unknown) => {
    const field = fieldOf(key);
    for (const text of texts(value)) {
      if (field && shown.includes(field)) result.fieldErrors[field] ??= text;
      else if (!result.formMessages.includes(text)) result.formMessages.push(text);
    }
  };
  if (Array.isArray(errors)) {
    for (const entry of errors.slice(0, MAX_ENTRIES)) {
      if (entry && typeof entry === 'object') {
        const key = own(entry, 'field') ?? own(entry, 'path') ?? own(entry, 'key') ?? own(entry, 'propertyname');
        place(typeof key === 'string' ? key : Array.isArray(key) ? key.join('.') : '', entry);
      }
    }
  } else if (errors && typeof errors === 'object') {
    for (const key of Object.keys(errors).slice(0, MAX_ENTRIES)) place(key, (errors as Record<string, unknown>)[key]);
  }

  // The headline ("The request is invalid.") only helps when nothing more specific could be shown.
  if (!result.formMessages.length && !Object.keys(result.fieldErrors).length) {
    const message = [own(body, 'message'), own(body, 'detail'), own(body, 'title')].find(
      (m) => typeof m === 'string' && m.trim(),
    );
    if (typeof message === 'string') result.formMessages.push(message.trim().slice(0, MAX_TEXT));
  }
  return result;
}
