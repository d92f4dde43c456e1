/**
 * Loads form-behaviour.ts, once, for every form on the page. A failed load is forgotten, so that the next
 * call tries again: Chromium and WebKit fetch the same URL again, but Firefox keeps the failure for the
 * URL (measured: a second `import()` of it fails without a request), so the next try adds `?retry=N` to
 * the URL its error names.
 */
export type Behaviour = typeof import('./form-behaviour.js');

let loading: Promise<Behaviour> | undefined;
let loaded: Behaviour | undefined;
let retryUrl: string | undefined;
let retries = 0;

export function loadBehaviour(): Promise<Behaviour> {
  loading ??= (retryUrl ? (import(/* @vite-ignore */ `${retryUrl}?retry=${++retries}`) as Promise<Behaviour>) : import('./form-behaviour.js')).then(
    (behaviour) => (loaded = behaviour),
    (error: unknown) => {
      loading = undefined;
      retryUrl ??= String((error as Error)?.message ?? '').match(/https?:\/\/\S+?\.js\b/)?.[0];
      throw error;
    },
  );
  return loading;
}

/** The behaviour if it has arrived, without waiting: a form uses it at once, in the same task. */
export function loadedBehaviour(): Behaviour | undefined {
  return loaded;
}
