/**
 * Mounts real mocks of Vitec into a Koa dev server (Web Test Runner's): `/mock/<name>/…` goes to a
 * mock of its own for each name, so that test files running side by side never share state.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createMockVitec, type MockVitec } from '../src/server/mock-vitec.ts';
import { toNodeListener } from '../src/server/node-http.ts';

interface KoaContext {
  path: string;
  req: IncomingMessage;
  res: ServerResponse;
  respond?: boolean;
  status?: number;
}

const mocks = new Map<string, MockVitec>();

export function mockFor(name: string): MockVitec {
  let mock = mocks.get(name);
  if (!mock) mocks.set(name, (mock = createMockVitec()));
  return mock;
}

const PREFIX = /^\/mock\/([\w-]+)(\/.*)$/;

export async function mockMiddleware(ctx: KoaContext, next: () => Promise<void>): Promise<void> {
  const match = PREFIX.exec(ctx.path);
  if (!match) return next();
  // Koa would answer (and Web Test Runner log) a 404 by itself: the mock writes the response instead.
  ctx.status = 200;
  ctx.respond = false;
  await toNodeListener(mockFor(match[1]!))(ctx.req, ctx.res);
}
