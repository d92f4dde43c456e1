/** A Node command's life: listening, one-line start-up failures, and a stop on SIGTERM/SIGINT that lets requests in flight finish. */
import { realpathSync } from 'node:fs';
import type { Server } from 'node:http';
import { pathToFileURL } from 'node:url';

/** Thrown by `listen` when the port is taken; its message is the one line to print. */
export class PortInUse extends Error {}

/** Listens on `port` (0 for a free one) and `host`; rejects with `PortInUse` when the port is taken. */
export function listen(server: Server, port: number, host: string, variable = 'PORT'): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUse(`port ${port} is in use: set ${variable}`) : error);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** Stops taking connections, lets requests in flight finish for up to `graceMs`, then cuts the rest. */
export function closeGracefully(server: Server, graceMs = 1500): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), graceMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/** On SIGTERM or SIGINT: `stop()`, then exit 0 (exit 1 if it has not finished in 2 s). */
export function exitOnSignals(stop: () => Promise<unknown>): void {
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      setTimeout(() => process.exit(1), 2000).unref();
      void stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

/** Runs a command's `main`: a `PortInUse` or any start-up error is one line on stderr and exit 1. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error instanceof PortInUse ? error.message : error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}

/** Whether `url` is the program Node was asked to run, also through a symlink such as npm's bin. */
export function isMain(url: string): boolean {
  try {
    return !!process.argv[1] && url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
}
