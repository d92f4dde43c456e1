/**
 * The oldest browsers the drop-in supports, and so the syntax the build may emit. The floor is set by
 * `Object.hasOwn` (Chrome 93, Firefox 92, Safari 15.4): iPhones that stop at iOS 15 (6s, 7, first SE) get
 * Safari 15.8. Anything newer than this (a class static block, Safari 16.4; a RegExp lookbehind, Safari 16.4;
 * the RegExp `v` flag, Safari 17) is lowered by the build or kept out of the source; test/e2e/browser-floor
 * checks the built files.
 */
export const BROWSER_FLOOR = { chrome: '93', edge: '93', firefox: '92', safari: '15.4' } as const;

/** `build.target` for Vite: one entry per browser. */
export const BUILD_TARGET = Object.entries(BROWSER_FLOOR).map(([browser, version]) => `${browser}${version}`);
