/** Shared by the end-to-end suites: the system Chromium through playwright-core, and a static server. */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { chromium, type Browser } from 'playwright-core';
import { listenOnLoopback } from '../support/listen.ts';
// @ts-expect-error: a plain JS module shared with the Web Test Runner config.
import { chromiumArgs, executablePath } from '../chromium.js';

export const DIST = new URL('../../dist/vitec-lead-form.js', import.meta.url);

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath, args: chromiumArgs, headless: true });
}

export type Route = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/** A server on 127.0.0.1 with a free port; `routes` are tried by path prefix, longest first. */
export async function serve(routes: Record<string, Route>): Promise<{ url: string; server: Server; close: () => Promise<void> }> {
  const prefixes = Object.keys(routes).sort((a, b) => b.length - a.length);
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const prefix = prefixes.find((p) => (p.endsWith('/') ? path.startsWith(p) : path === p));
    if (!prefix) {
      res.writeHead(404).end();
      return;
    }
    void routes[prefix]!(req, res);
  });
  return {
    url: await listenOnLoopback(server),
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function page(html: string, headers: Record<string, string> = {}): Route {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(html);
  };
}

export function file(url: URL, type = 'text/javascript; charset=utf-8'): Route {
  return async (_req, res) => {
    res.writeHead(200, { 'content-type': type }).end(await readFile(url));
  };
}
