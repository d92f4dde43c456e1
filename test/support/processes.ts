/** Commands of the project's own run as child processes, as a user or an operator starts them. */
import { type ChildProcess, spawn } from 'node:child_process';

export interface Running {
  child: ChildProcess;
  output(): string;
  errors(): string;
  /** Resolves with the exit code (or null after a signal). */
  exited: Promise<number | null>;
  /** Resolves with the first match of `pattern` in stdout; rejects if the process exits first. */
  waitFor(pattern: RegExp): Promise<RegExpExecArray>;
  /** Sends SIGTERM unless it has exited, and waits for the exit. */
  stop(): Promise<void>;
}

/** Runs `command args` in the project's folder with only PATH and `env` in its environment. */
export function run(command: string, args: string[], env: Record<string, string>): Running {
  const child = spawn(command, args, { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  child.stderr!.on('data', (chunk) => (err += chunk));
  let code: number | null | undefined;
  const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve((code = c))));
  return {
    child,
    output: () => out,
    errors: () => err,
    exited,
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(out);
          if (match) {
            child.stdout!.off('data', check);
            resolve(match);
          }
        };
        child.stdout!.on('data', check);
        check();
        void exited.then(() => reject(new Error(`exited before printing ${pattern}: ${err}`)));
      }),
    stop: async () => {
      if (code === undefined) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A command of package.json through `npm run`, as the README says to start it. */
export function npmRun(script: string, env: Record<string, string>): Running {
  return run('npm', ['run', '--silent', script], { ...env, npm_config_update_notifier: 'false' });
}
