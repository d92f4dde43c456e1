// The system Firefox ESR, for Web Test Runner through puppeteer-core's WebDriver BiDi: no download.
import { execFileSync } from 'node:child_process';

function findFirefox() {
  if (process.env.FIREFOX_PATH) return process.env.FIREFOX_PATH;
  for (const name of ['firefox-esr', 'firefox']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim();
    } catch {
      // try the next name
    }
  }
  throw new Error('No Firefox on the PATH: install it (Debian: apt-get install firefox-esr) or set FIREFOX_PATH.');
}

export const firefoxPath = findFirefox();
