// WebKit for Web Test Runner: Debian's WebKitGTK (the engine behind Safari) through its WebDriver,
// `WebKitWebDriver`, which starts MiniBrowser in automation mode. No download: every binary is a system
// package (webkit2gtk-driver, xvfb). MiniBrowser needs a display, so without one this starts an Xvfb of its own.
//
// The launcher is @web/test-runner-webdriver's, with three things it lacks added here:
// - it starts and stops the driver (and the Xvfb) itself, so `npm test` needs no `xvfb-run` around it;
// - `sendKeys` types each character as its own key down and key up: webdriverio's `keys()` merges a
//   repeated letter ("Anna" arrives as "Ana");
// - `setViewport` resizes the window so that the page's viewport gets the asked size.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import { findOnPath } from './chromium.js';

const miniBrowserCandidates = [
  process.env.MINIBROWSER_PATH,
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.0/MiniBrowser',
];

/** The system MiniBrowser, or an error that says how to install it. */
export function findMiniBrowser() {
  const found = miniBrowserCandidates.find((path) => path && existsSync(path));
  if (!found)
    throw new Error(
      'No WebKitGTK MiniBrowser: install it (Debian: apt-get install webkit2gtk-driver) or set MINIBROWSER_PATH.',
    );
  return found;
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A child process that is killed when this process exits, however it exits. */
function child(command, args, options) {
  const process_ = spawn(command, args, options);
  const kill = () => process_.exitCode === null && process_.kill('SIGTERM');
  process.once('exit', kill);
  process_.once('exit', () => process.off('exit', kill));
  return process_;
}

async function stopChild(process_) {
  if (!process_ || process_.exitCode !== null || process_.signalCode !== null) return;
  const exited = new Promise((resolve) => process_.once('exit', resolve));
  process_.kill('SIGTERM');
  const timer = setTimeout(() => process_.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts Xvfb on a display it picks itself (`-displayfd`) and resolves with `:N`.
 *
 * With no window manager, X gives the keyboard focus to the window under the pointer, which starts at the
 * centre of the screen. The screen is therefore small (800×600) and `setViewport` keeps the window at the
 * top-left corner: every window the tests ask for covers the centre, so the page has focus (without it,
 * WebKit matches neither `:focus` nor `:focus-visible`, and `document.hasFocus()` is false).
 */
async function startXvfb() {
  const xvfb = child(
    findOnPath('XVFB_PATH', ['Xvfb'], 'xvfb'),
    ['-displayfd', '3', '-screen', '0', '800x600x24', '-nolisten', 'tcp'],
    {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  xvfb.stderr.on('data', (chunk) => (stderr += chunk));
  const display = await new Promise((resolve, reject) => {
    let out = '';
    xvfb.stdio[3].on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(`:${out.trim()}`);
    });
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it was ready: ${stderr.trim()}`)));
  });
  return { xvfb, display };
}

/** Resolves once something accepts HTTP on the port, or rejects after `timeoutMs`. */
async function waitForDriver(port, driver, timeoutMs = 20000) {
  const started = Date.now();
  for (;;) {
    if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited (${driver.exitCode})`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > timeoutMs) throw new Error(`WebKitWebDriver did not answer on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** WebDriver's code points for the named keys the tests press. */
const namedKeys = {
  Backspace: '\uE003',
  Tab: '\uE004',
  Enter: '\uE007',
  Shift: '\uE008',
  Escape: '\uE00C',
  Space: ' ',
  End: '\uE010',
  Home: '\uE011',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
};

/** A WebDriver key action source that presses and releases each key in turn: characters, or the names above. */
export function keyActions(keys) {
  const actions = keys.flatMap((key) => {
    const value = namedKeys[key] ?? key;
    if ([...value].length !== 1) throw new Error(`The WebKit launcher does not know the key "${key}"`);
    return [
      { type: 'keyDown', value },
      { type: 'keyUp', value },
    ];
  });
  return { type: 'key', id: 'keyboard', actions };
}

/** What webdriverio asks WebKitWebDriver for: MiniBrowser in automation mode, over classic WebDriver (not BiDi). */
export function webkitCapabilities() {
  return {
    browserName: 'MiniBrowser',
    'wdio:enforceWebDriverClassic': true,
    'webkitgtk:browserOptions': { binary: findMiniBrowser(), args: ['--automation'] },
  };
}

/**
 * Starts WebKitWebDriver on a free port of 127.0.0.1, with an Xvfb of its own when there is no display.
 * `stop()` ends both.
 */
export async function startWebKitDriver() {
  const env = { ...process.env };
  let xvfb;
  if (!env.DISPLAY) {
    const started = await startXvfb();
    xvfb = started.xvfb;
    env.DISPLAY = started.display;
  }
  const port = await freePort();
  const driver = child(
    findOnPath('WEBKIT_WEBDRIVER_PATH', ['WebKitWebDriver'], 'webkit2gtk-driver'),
    [`--port=${port}`, '--host=127.0.0.1'],
    {
      stdio: 'ignore',
      env,
    },
  );
  try {
    await waitForDriver(port, driver);
  } catch (error) {
    await stopChild(driver);
    await stopChild(xvfb);
    throw error;
  }
  return {
    port,
    stop: async () => {
      await stopChild(driver);
      await stopChild(xvfb);
    },
  };
}

class WebKitLauncher extends WebdriverLauncher {
  constructor() {
    super({ hostname: '127.0.0.1', logLevel: 'error', capabilities: webkitCapabilities() });
  }

  async initialize(config) {
    await super.initialize(config);
    this.name = 'WebKit';
    this.webDriver = await startWebKitDriver();
    this.options.port = this.webDriver.port;
  }

  async stop() {
    await super.stop();
    await this.webDriver?.stop();
  }

  /** One key down and key up per character, so that repeated letters arrive. */
  async sendKeys(sessionId, keys) {
    await this.driverManager.performActions(sessionId, [keyActions(keys)]);
    await this.driver.releaseActions();
  }

  /**
   * Resizes the window so that the viewport (what the page's `innerWidth` and `innerHeight` report) is the size asked.
   * WebKitGTK resizes asynchronously: `innerHeight` can still report the old size while the window's rect already has
   * the new one. A size read then would be off by the whole resize (once it asked for a window -162 px tall), so each
   * step waits, up to a deadline, for the viewport to settle before it reads the window's frame from it.
   */
  async setViewport({ width, height }) {
    const inner = () => this.driver.execute(() => [window.innerWidth, window.innerHeight]);
    const same = (a, b) => a[0] === b[0] && a[1] === b[1];
    const target = [width, height];
    // Waits until the viewport has left `before` (the size before a resize) and then holds still, or is the size asked.
    const settled = async (before) => {
      let last = await inner();
      for (const deadline = Date.now() + 2000; Date.now() < deadline; ) {
        if (same(last, target)) return last;
        await new Promise((resolve) => setTimeout(resolve, 50));
        const now = await inner();
        if (same(now, last) && !(before && same(now, before))) return now;
        last = now;
      }
      return last;
    };
    let before;
    for (let attempt = 0; attempt < 3; attempt++) {
      const [innerWidth, innerHeight] = await settled(before);
      if (innerWidth === width && innerHeight === height) return;
      before = [innerWidth, innerHeight];
      const rect = await this.driver.getWindowRect();
      // The window's frame (title bar, borders) around the viewport is never negative; a reading that says so is stale.
      const frameWidth = Math.max(0, rect.width - innerWidth);
      const frameHeight = Math.max(0, rect.height - innerHeight);
      await this.driver.setWindowRect(0, 0, width + frameWidth, height + frameHeight);
    }
    const [innerWidth, innerHeight] = await settled();
    if (innerWidth !== width || innerHeight !== height) {
      throw new Error(`WebKit's viewport stayed ${innerWidth}×${innerHeight}, not ${width}×${height}`);
    }
  }
}

export function webkitLauncher() {
  return new WebKitLauncher();
}

/**
 * `executeServerCommand('webkit-set-viewport', size)`: @web/test-runner-commands' own `setViewport` refuses
 * WebDriver launchers, and its plugin runs first; the tests' `viewport()` helper picks this one in WebKit.
 */
export const webkitViewportPlugin = {
  name: 'webkit-set-viewport',
  async executeCommand({ command, payload, session }) {
    if (command !== 'webkit-set-viewport') return undefined;
    if (!(session.browser instanceof WebKitLauncher)) throw new Error('webkit-set-viewport is for the WebKit launcher');
    await session.browser.setViewport(payload);
    return true;
  },
};
