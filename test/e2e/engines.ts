/**
 * One small page interface over the three engines' drivers, for the cross-engine end-to-end checks of the
 * built files. Each engine is the system's, driven with no download:
 * - Chromium through playwright-core (as the rest of test/e2e);
 * - Firefox ESR through puppeteer-core over WebDriver BiDi (playwright-core drives only its own Firefox build);
 * - WebKitGTK through webdriverio and the system WebKitWebDriver (playwright-core drives only its own WebKit).
 */
import type { Browser as PlaywrightBrowser, Page as PlaywrightPage } from 'playwright-core';
import * as puppeteer from 'puppeteer-core';
import { remote } from 'webdriverio';
// @ts-expect-error: a plain JS module shared with the Web Test Runner config.
import { firefoxPath } from '../support/firefox.js';
// @ts-expect-error: a plain JS module shared with the Web Test Runner config.
import { keyActions, startWebKitDriver, webkitCapabilities } from '../support/webkit.js';
import { launch } from './harness.ts';

export type EngineName = 'chromium' | 'firefox' | 'webkit';
export const ENGINES: EngineName[] = ['chromium', 'firefox', 'webkit'];

/** The same few things in every engine. */
export interface EnginePage {
  /** Loads `url` and waits for its `load` event. */
  goto(url: string): Promise<void>;
  /**
   * Runs `body` as the body of an async function in the page and resolves with what it returns (JSON
   * values only). It is a string, so that one script serves three drivers.
   */
  run<T>(body: string): Promise<T>;
  /** Presses and releases one key: a character, or `Tab` or `Enter`. */
  press(key: 'Tab' | 'Enter'): Promise<void>;
  /** Types text into whatever has the focus, a key per character. */
  type(text: string): Promise<void>;
  close(): Promise<void>;
}

const asyncBody = (body: string) => `(async () => { ${body} })()`;

async function chromiumPage(): Promise<EnginePage> {
  const browser: PlaywrightBrowser = await launch();
  const page: PlaywrightPage = await browser.newPage();
  return {
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    run: (body) => page.evaluate(asyncBody(body)),
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    close: () => browser.close(),
  };
}

async function firefoxPage(): Promise<EnginePage> {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: firefoxPath, headless: true });
  try {
    const page = await browser.newPage();
    return {
      goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
      run: (body) => page.evaluate(asyncBody(body)) as never,
      press: (key) => page.keyboard.press(key),
      type: (text) => page.keyboard.type(text),
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

async function webkitPage(): Promise<EnginePage> {
  const driver = await startWebKitDriver();
  try {
    const browser = await remote({
      hostname: '127.0.0.1',
      port: driver.port,
      logLevel: 'error',
      capabilities: webkitCapabilities(),
    });
    const keys = async (sequence: string[]) => {
      await browser.performActions([keyActions(sequence)]);
      await browser.releaseActions();
    };
    return {
      // WebDriver's navigation waits for the load event (page load strategy "normal").
      goto: async (url) => void (await browser.navigateTo(url)),
      // WebDriver's Execute Script awaits a returned promise.
      run: (body) => browser.execute(`return ${asyncBody(body)};`) as never,
      press: (key) => keys([key]),
      type: (text) => keys([...text]),
      close: async () => {
        try {
          await browser.deleteSession();
        } finally {
          await driver.stop();
        }
      },
    };
  } catch (error) {
    await driver.stop();
    throw error;
  }
}

export function openEngine(name: EngineName): Promise<EnginePage> {
  return { chromium: chromiumPage, firefox: firefoxPage, webkit: webkitPage }[name]();
}
