/** `save-draft`: what a visitor typed, kept in `sessionStorage` for the tab's session. */
import { FIELD_NAMES } from '../lead/fields.js';
import type { FormValues } from '../lead/lead-payload.js';

/** Where a form's draft is kept: per page and form id, so two forms never share one. */
export function draftKey(pathname: string, formId: string): string {
  return `vitec-lead-form:draft:${pathname}#${formId}`;
}

/**
 * A saved draft, read as untrusted: only the form's own inputs, as strings and booleans. Storage may
 * throw (blocked, private mode); `storage` is the tab's `sessionStorage` unless a test passes another.
 */
export function readDraft(key: string, storage: Pick<Storage, 'getItem'> = sessionStorage): FormValues {
  try {
    const saved: unknown = JSON.parse(storage.getItem(key) ?? '{}');
    const values: Record<string, string | boolean> = {};
    if (saved && typeof saved === 'object') {
      for (const [name, value] of Object.entries(saved)) {
        const known = (FIELD_NAMES as readonly string[]).includes(name) || name === 'isForeignSocialSecurityNumber';
        if (known && (typeof value === 'string' || typeof value === 'boolean')) values[name] = value;
      }
    }
    return values as FormValues;
  } catch {
    return {};
  }
}

/** Saves the draft, or forgets it when `values` is undefined. */
export function writeDraft(
  key: string,
  values: FormValues | undefined,
  storage: Pick<Storage, 'setItem' | 'removeItem'> = sessionStorage,
): void {
  try {
    if (values) storage.setItem(key, JSON.stringify(values));
    else storage.removeItem(key);
  } catch {
    // Blocked or full storage: the draft is a convenience, the form works without it.
  }
}
