import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface SupervisedChild {
  name: string;
  pid: number;
  child: ChildProcess;
  /** The last lines the child wrote to stdout/stderr (for error messages). */
  tail(): string;
  /** The stop signal (SIGTERM unless told), then SIGKILL after `graceMs`; resolves when the process has exited. */
  stop(graceMs?: number): Promise<void>;
}

const SETPRIV = '/usr/bin/setpriv';

export interface SpawnOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Run as this (unprivileged) user; needs setpriv, and root to switch. */
  user?: { name: string; uid: number; gid: number };
  /** The signal the kernel sends the child when we die (default SIGTERM). */
  deathSignal?: NodeJS.Signals;
  /** The signal `stop()` sends first (default SIGTERM). */
  stopSignal?: NodeJS.Signals;
}

/**
 * Spawns a long-running helper (database, search engine) so that it can never outlive us:
 * on Linux through `setpriv --pdeathsig SIGTERM` (the kernel signals it when Node dies, even on
 * kill -9), and always with a pipe on stdin that closes when Node dies (our FerretDB exits on EOF).
 */
export function spawnSupervised(name: string, cmd: string, args: string[], opts: SpawnOptions = {}): SupervisedChild {
  const usePdeath = process.platform === 'linux' && existsSync(SETPRIV);
  if (opts.user && !usePdeath) {
    throw new Error(`${name} must run as the user ${opts.user.name}, which needs ${SETPRIV} (Debian package util-linux)`);
  }
  // setpriv sets the parent-death signal after switching user, so the switch does not clear it.
  const asUser = opts.user ? [`--reuid=${opts.user.uid}`, `--regid=${opts.user.gid}`, '--init-groups'] : [];
  const file = usePdeath ? SETPRIV : cmd;
  const argv = usePdeath ? [...asUser, '--pdeathsig', opts.deathSignal ?? 'SIGTERM', '--', cmd, ...args] : args;
  const stopSignal = opts.stopSignal ?? 'SIGTERM';
  const child = spawn(file, argv, { env: opts.env ?? process.env, cwd: opts.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const keep = (chunk: Buffer): void => {
    for (const l of chunk.toString('utf8').split('\n')) {
      if (l.trim()) {
        lines.push(l);
      }
    }
    lines.splice(0, Math.max(0, lines.length - 40));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  // The pipe stays open as long as we live; never write to it.
  child.stdin?.on('error', () => undefined);
  if (child.pid === undefined) {
    throw new Error(`could not start ${name} (${cmd})`);
  }
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
    } else {
      child.once('exit', () => resolve());
    }
  });
  return {
    name,
    pid: child.pid,
    child,
    tail: () => lines.join('\n'),
    async stop(graceMs = 5000) {
      if (child.exitCode !== null || child.signalCode !== null) {
        return;
      }
      child.stdin?.end();
      child.kill(stopSignal);
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls `check` until it resolves true, the child exits, or `timeoutMs` passes. */
export async function waitReady(c: SupervisedChild, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (c.child.exitCode !== null || c.child.signalCode !== null) {
      throw new Error(`${c.name} exited during start-up (code ${String(c.child.exitCode)}):\n${c.tail()}`);
    }
    if (await check().catch(() => false)) {
      return;
    }
    await sleep(50);
  }
  await c.stop(1000);
  throw new Error(`${c.name} was not ready after ${timeoutMs} ms:\n${c.tail()}`);
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}
