/**
 * Attribution for the lead's `marketing`: UTM tags and click ids from the page URL, and the referrer
 * when the visit came from another site. Pure functions; the element decides what to keep.
 */
import { LIMITS } from './limits.js';
import { stripForbiddenCharacters } from './text-rules.js';
import type { FormMarketing, UtmTag } from './lead-schema.js';
import { DEFAULT_TRACKING_PARAMS } from './tracking-params.js';

export { DEFAULT_TRACKING_PARAMS };

/** Without the characters the schema refuses (text-rules.ts), trimmed, at most `max` long. */
function clean(value: string, max: number): string {
  return stripForbiddenCharacters(value).trim().slice(0, max).trim();
}

/**
 * Every `utm_*` parameter and the named click ids of a URL's query, in URL order: values decoded
 * (`+` is a space), trimmed, control characters removed, at most 250 characters; names lower-cased;
 * empty values dropped; the first of two equal names kept; at most 20 tags.
 */
export function utmTagsFromUrl(
  url: string | URL,
  trackingParams: readonly string[] = DEFAULT_TRACKING_PARAMS,
): UtmTag[] {
  let params: URLSearchParams;
  try {
    params = new URL(url).searchParams;
  } catch {
    return [];
  }
  const wanted = new Set(trackingParams.map((p) => p.toLowerCase()));
  const tags: UtmTag[] = [];
  const seen = new Set<string>();
  for (const [rawName, rawValue] of params) {
    const name = clean(rawName, LIMITS.utmName).toLowerCase();
    if (!(name.startsWith('utm_') || wanted.has(name)) || seen.has(name)) continue;
    const value = clean(rawValue, LIMITS.utmValue);
    if (!value) continue;
    seen.add(name);
    tags.push({ name, value });
    if (tags.length === LIMITS.utmTags) break;
  }
  return tags;
}

/** `document.referrer` when it is another site's page, without its fragment; otherwise undefined. */
export function externalReferrer(referrer: string, pageUrl: string | URL): string | undefined {
  if (!referrer) return undefined;
  try {
    const from = new URL(referrer);
    if (from.host === new URL(pageUrl).host || !/^https?:$/.test(from.protocol)) return undefined;
    from.hash = '';
    return clean(from.href, LIMITS.referrer) || undefined;
  } catch {
    return undefined;
  }
}

/** The marketing of one page view, or undefined when there is nothing in it. */
export function marketingFromPage(
  pageUrl: string,
  referrer: string,
  trackingParams?: readonly string[],
): FormMarketing | undefined {
  const utmTags = utmTagsFromUrl(pageUrl, trackingParams);
  const from = externalReferrer(referrer, pageUrl);
  if (!utmTags.length && !from) return undefined;
  return { ...(from ? { referrer: from } : {}), ...(utmTags.length ? { utmTags } : {}) };
}

/** `session` (the default): for the tab's visit; `local`: 30 days, with consent; `none`: this page only. */
export type AttributionMode = 'session' | 'local' | 'none';

export const ATTRIBUTION_KEY = 'vitec-lead-form:attribution';
const LOCAL_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export interface Visit {
  /** The page's URL. */
  url: string;
  referrer: string;
  trackingParams?: readonly string[];
  /** Milliseconds since the epoch. */
  now: number;
  /** Returns the storage for the mode; may throw (blocked, private mode), as `window.sessionStorage` can. */
  storage: (mode: 'session' | 'local') => Storage;
}

interface Stored extends FormMarketing {
  savedAt: number;
}

export function parseAttributionMode(value: string | null | undefined): AttributionMode {
  return value === 'local' || value === 'none' ? value : 'session';
}

function readStored(storage: Storage, mode: 'session' | 'local', now: number): FormMarketing {
  const raw = storage.getItem(ATTRIBUTION_KEY);
  if (!raw) return {};
  const stored = JSON.parse(raw) as Partial<Stored>;
  if (mode === 'local' && !(typeof stored.savedAt === 'number' && now - stored.savedAt < LOCAL_TTL_MS)) {
    storage.removeItem(ATTRIBUTION_KEY);
    return {};
  }
  // Stored data is read as untrusted: only well-formed strings come back.
  const utmTags = Array.isArray(stored.utmTags)
    ? stored.utmTags
        .filter((t) => t && typeof t.name === 'string' && typeof t.value === 'string' && t.name && t.value)
        .slice(0, LIMITS.utmTags)
    : [];
  const referrer =
    typeof stored.referrer === 'string' && stored.referrer ? stored.referrer.slice(0, LIMITS.referrer) : undefined;
  return { ...(referrer ? { referrer } : {}), ...(utmTags.length ? { utmTags } : {}) };
}

/**
 * Records one page view in the visit's memory and returns the visit's attribution: a page whose URL
 * has tags replaces the stored tags, a page from another site replaces the stored referrer, and a page
 * with neither keeps what was stored. Storage that throws never breaks anything: the page's own URL
 * and referrer are used instead.
 */
export function recordVisit(mode: AttributionMode, visit: Visit): FormMarketing | undefined {
  const current = marketingFromPage(visit.url, visit.referrer, visit.trackingParams) ?? {};
  if (mode === 'none') return nonEmpty(current);
  try {
    const storage = visit.storage(mode);
    let merged: FormMarketing;
    try {
      merged = { ...readStored(storage, mode, visit.now), ...current };
    } catch {
      merged = current;
    }
    // Only a new touch (tags or another site) is written; `local` forgets 30 days after the last one.
    if (current.utmTags || current.referrer)
      storage.setItem(ATTRIBUTION_KEY, JSON.stringify({ ...merged, savedAt: visit.now } satisfies Stored));
    return nonEmpty(merged);
  } catch {
    return nonEmpty(current);
  }
}

function nonEmpty(marketing: FormMarketing): FormMarketing | undefined {
  return marketing.utmTags?.length || marketing.referrer ? marketing : undefined;
}

/** Reads a `tracking-params` list; `undefined` for the default click ids. */
export function parseTrackingParams(value: string | null | undefined): string[] | undefined {
  return value == null ? undefined : value.split(/[\s,]+/).filter(Boolean);
}
