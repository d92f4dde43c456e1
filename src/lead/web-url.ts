/**
 * A URL an attribute gives, resolved against the page, when it is http(s): in the entry file, whose first drawing links
 * the privacy policy only through it (so that a `javascript:` URL is never a link, before the check of the attributes
 * has arrived too), and for the lazily loaded parts that follow a URL or name it.
 */

/** `url` resolved against the page, when it is http(s) (or relative, which is the page's scheme). */
export function webUrl(url: string, pageUrl: string): URL | undefined {
  try {
    const resolved = new URL(url.trim(), pageUrl);
    return resolved.protocol === 'https:' || resolved.protocol === 'http:' ? resolved : undefined;
  } catch {
    return undefined;
  }
}
