/**
 * A lazily imported part of the form, loaded once for the page however many forms ask; a failed load is forgotten,
 * so that the next call tries again.
 *
 * `load` is one `import()` of one file. Chromium and WebKit fetch a file again whose import failed, but Firefox keeps
 * the failure for its URL (measured: a second `import()` of it fails without a request), so a try after a failure
 * imports the URL the error named with `?retry=N` (WebKit's error names none, and it needs none). This helps only a file
 * no other file imports statically: Firefox fails such an import of a failed URL for the page's life, whichever URL
 * the importing file was loaded from. So the lazy files import only the entry (the visit's recording has its own copy
 * of the text rules it shares with the schema, and the kinds' behaviour is handed what it takes from the behaviour:
 * build/chunk-plugins.ts; test/e2e/bundle.test.ts lists what each file imports).
 */
export function loadOnce<T>(
  load: () => Promise<T>,
  /** Run once on the module as it arrives, from either URL, before `loaded` returns it. */
  arrived?: (module: T) => void,
): { load: () => Promise<T>; loaded: () => T | undefined } {
  let loading: Promise<T> | undefined;
  let loaded: T | undefined;
  let retryUrl: string | undefined;
  let retries = 0;
  return {
    load: () =>
      (loading ??= (
        retryUrl ? (import(/* @vite-ignore */ `${retryUrl}?retry=${++retries}`) as Promise<T>) : load()
      ).then(
        (module) => (arrived?.(module), (loaded = module)),
        (error: unknown) => {
          loading = undefined;
          retryUrl ??= String((error as Error)?.message ?? '').match(/https?:\/\/\S+?\.js\b/)?.[0];
          throw error;
        },
      )),
    loaded: () => loaded,
  };
}
