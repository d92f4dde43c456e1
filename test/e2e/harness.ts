/** Shared by the end-to-end suites: the system Chromium through playwright-core, and a static server. */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { chromium, type Browser } from 'playwright-core';
import { listenOnLoopback } from '../support/listen.ts';
// @ts-expect-error: a plain JS module shared with the Web Test Runner config.
import { chromiumArgs, executablePath } from '../support/chromium.js';

export const DIST = new URL('../../dist/vitec-lead-form.js', import.meta.url);
/** The one-file build of the same source. */
export const BUNDLE = new URL('../../dist/vitec-lead-form.bundle.js', import.meta.url);

/** The two builds of the drop-in: the entry with its lazy chunk beside it, and the one-file build. */
export const BUILDS = ['split', 'bundle'] as const;
export type Build = (typeof BUILDS)[number];

/**
 * Routes that serve a build as a site hosts it: `/vitec-lead-form.js`, and for the split build its chunks
 * beside it (`/vitec-lead-form-*.js`). The one-file build is served under the entry's name.
 */
export function dropIn(build: Build = 'split'): Record<string, Route> {
  const dist = new URL('../../dist/', import.meta.url);
  return {
    '/vitec-lead-form.js': file(build === 'split' ? DIST : BUNDLE),
    '/vitec-lead-form-*': async (req, res) => {
      const name = (req.url ?? '').split('?')[0]!.slice(1);
      if (build !== 'split' || !/^vitec-lead-form-[\w-]+\.js$/.test(name)) return void res.writeHead(404).end();
      await file(new URL(name, dist))(req, res);
    },
  };
}

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath, args: chromiumArgs, headless: true });
}

export type Route = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/** A server on 127.0.0.1 with a free port; `routes` are tried by path prefix, longest first (a key ending in `/` or `*` is a prefix). */
export async function serve(
  routes: Record<string, Route>,
): Promise<{ url: string; server: Server; close: () => Promise<void> }> {
  const prefixes = Object.keys(routes).sort((a, b) => b.length - a.length);
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const prefix = prefixes.find((p) =>
      p.endsWith('/') || p.endsWith('*') ? path.startsWith(p.replace(/\*$/, '')) : path === p,
    );
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
