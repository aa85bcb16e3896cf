/**
 * Real processes for scale-out tests: a redis-server on a free port, and Kezhuan server processes
 * (`server/src/main.ts` under tsx) started with the environment given, ready once they print
 * `KEZHUAN_READY port=…`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer as netServer, type AddressInfo } from 'node:net';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');

export async function freePort(): Promise<number> {
  const s = netServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

function waitFor(proc: ChildProcess, pattern: RegExp, what: string, ms: number): Promise<RegExpMatchArray> {
  return new Promise((resolveMatch, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start in ${ms} ms:\n${seen.slice(-2000)}`)), ms);
    const onData = (d: Buffer) => {
      seen += d.toString();
      const m = seen.match(pattern);
      if (m) {
        clearTimeout(timer);
        resolveMatch(m);
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', (d: Buffer) => (seen += d.toString()));
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${String(code)}:\n${seen.slice(-2000)}`));
    });
  });
}

/** redis-server on a free port, no persistence. */
export async function startRedis(bin = '/usr/bin/redis-server'): Promise<{ url: string; proc: ChildProcess }> {
  const port = await freePort();
  const proc = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  await waitFor(proc, /Ready to accept connections/, 'redis-server', 10_000);
  return { url: `redis://127.0.0.1:${port}`, proc };
}

export interface ServerProcess {
  url: string;
  proc: ChildProcess;
  /** SIGTERM, then waits for the exit (SIGKILL after 10 s). */
  stop(): Promise<void>;
}

/** A Kezhuan server process on a free port with `env` added to ours. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', SERVE_CLIENT: 'false', SEED_DEMO: 'false', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const m = await waitFor(proc, /KEZHUAN_READY port=(\d+)/, 'the server process', 90_000);
  const stop = () =>
    new Promise<void>((done) => {
      if (proc.exitCode !== null) {
        done();
        return;
      }
      const kill = setTimeout(() => proc.kill('SIGKILL'), 10_000);
      proc.once('exit', () => {
        clearTimeout(kill);
        done();
      });
      proc.kill('SIGTERM');
    });
  return { url: `http://127.0.0.1:${m[1]}`, proc, stop };
}
