/**
 * Attribution for the lead's `marketing`: UTM tags and click ids from the page URL, and the referrer
 * when the visit came from another site. Pure functions; the element decides what to keep.
 */
import { type FormMarketing, LIMITS, type UtmTag } from './lead-schema.js';

/** Click ids taken besides `utm_*` when the `tracking-params` attribute is not set. */
export const DEFAULT_TRACKING_PARAMS = ['gclid', 'fbclid', 'msclkid'] as const;

// C0 and C1 control characters, including CR, LF and TAB.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

function clean(value: string, max: number): string {
  return value.replace(CONTROL, '').trim().slice(0, max).trim();
}

/**
 * Every `utm_*` parameter and the named click ids of a URL's query, in URL order: values decoded
 * (`+` is a space), trimmed, control characters removed, at most 250 characters; names lower-cased;
 * empty values dropped; the first of two equal names kept; at most 20 tags.
 */
export function utmTagsFromUrl(url: string | URL, trackingParams: readonly string[] = DEFAULT_TRACKING_PARAMS): UtmTag[] {
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
export function marketingFromPage(pageUrl: string, referrer: string, trackingParams?: readonly string[]): FormMarketing | undefined {
  const utmTags = utmTagsFromUrl(pageUrl, trackingParams);
  const from = externalReferrer(referrer, pageUrl);
  if (!utmTags.length && !from) return undefined;
  return { ...(from ? { referrer: from } : {}), ...(utmTags.length ? { utmTags } : {}) };
}
