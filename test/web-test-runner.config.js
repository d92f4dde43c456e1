// Browser tests in the system Chromium, Firefox ESR and WebKitGTK, one engine after another, with the real
// mock of Vitec mounted as middleware. No browser is downloaded:
// - Chromium: @web/test-runner-chrome with the system binary;
// - Firefox: puppeteer-core over WebDriver BiDi, through the Chrome launcher's `puppeteer` option;
// - WebKit: @web/test-runner-webdriver with webdriverio and the system WebKitWebDriver (test/support/webkit.js says
//   what it adds: the driver's own process and display, key presses, the viewport).
// Run through `node --import tsx` so that this config can import the TypeScript server code.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import * as puppeteer from 'puppeteer-core';
import { chromiumArgs, executablePath } from './support/chromium.js';
import { firefoxPath } from './support/firefox.js';
import { mockMiddleware } from './support/mock-middleware.ts';
import { webkitLauncher, webkitViewportPlugin } from './support/webkit.js';

/**
 * `executeServerCommand('emulate-media-features', [{ name: 'forced-colors', value: 'active' }])`, through
 * the DevTools protocol: puppeteer's own emulateMediaFeatures refuses forced-colors.
 */
const cdpSessions = new WeakMap();
const emulateMediaFeatures = {
  name: 'emulate-media-features',
  async executeCommand({ command, payload, session }) {
    if (command !== 'emulate-media-features') return undefined;
    const page = session.browser.getPage(session.id);
    if (!cdpSessions.has(page)) cdpSessions.set(page, await page.createCDPSession());
    await cdpSessions.get(page).send('Emulation.setEmulatedMedia', { features: payload });
    return true;
  },
};

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production'] },
  hostname: '127.0.0.1',
  // One page at a time: real key presses (sendKeys) need the page to have focus.
  concurrency: 1,
  // One browser at a time too: both would share the per-file mocks, and real key presses need focus.
  concurrentBrowsers: 1,
  testFramework: { config: { timeout: 10000 } },
  browsers: [
    chromeLauncher({ launchOptions: { executablePath, headless: true, args: chromiumArgs } }),
    chromeLauncher({ puppeteer, launchOptions: { browser: 'firefox', executablePath: firefoxPath, headless: true } }),
    webkitLauncher(),
  ],
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }),
    a11ySnapshotPlugin(),
    emulateMediaFeatures,
    webkitViewportPlugin,
  ],
  middleware: [mockMiddleware],
};
