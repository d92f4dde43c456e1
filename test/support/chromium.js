// The system Chromium, for Web Test Runner and for playwright-core: no test tool downloads a browser.
import { execFileSync } from 'node:child_process';

/** `process.env[variable]`, or the first of `names` on the PATH; else an error that says how to install it. */
export function findOnPath(variable, names, install) {
  if (process.env[variable]) return process.env[variable];
  for (const name of names) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim();
    } catch {
      // try the next name
    }
  }
  throw new Error(`No ${names[0]} on the PATH: install it (Debian: apt-get install ${install}) or set ${variable}.`);
}

export const executablePath = findOnPath('CHROMIUM_PATH', ['chromium', 'chromium-browser'], 'chromium');

export const chromiumArgs = [
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];
