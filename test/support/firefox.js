// The system Firefox ESR, for Web Test Runner through puppeteer-core's WebDriver BiDi: no download.
import { findOnPath } from './chromium.js';

export const firefoxPath = findOnPath('FIREFOX_PATH', ['firefox-esr', 'firefox'], 'firefox-esr');
