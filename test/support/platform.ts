/**
 * Starts the real platform as a child process, the way `npm start` does (its esbuild bundle
 * server/dist/main.mjs, built first when a source changed), and waits for its ready line. Used by
 * the browser and process-supervision tests.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

// @ts-expect-error -- plain ESM script without types
const { ensureServerBuilt } = (await import('../../scripts/build-server.mjs')) as { ensureServerBuilt: (o: { log?: (m: string) => void }) => Promise<boolean> };

export const ROOT = resolve(import.meta.dirname, '../..');
export const GIVEN_MEILI = resolve(ROOT, '../shared/bin/meilisearch');

export interface RunningPlatform {
  proc: ChildProcess;
  port: number;
  url: string;
  output: string[];
  stop(): Promise<void>;
}

/** The environment the browser tests start the demo with; the demo template is made with it. */
export const DEMO_TEMPLATE_ENV = { SEED_DEMO: 'true', MEILI_BIN: '/nonexistent' } as const;
/** Where test/setup/demo-template.ts left the seeded data folder (set for the browser tests' run). */
export const DEMO_TEMPLATE_VAR = 'KZ_DEMO_TEMPLATE';

/**
 * A start with exactly the demo template's environment and a data folder of its own (nothing in
 * it yet) begins from a copy of the template: the same database, index and files a first start
 * would make, without seeding again. `cp -a` keeps PostgreSQL's 0700 folder modes.
 */
function fromDemoTemplate(env: Record<string, string>): void {
  const template = process.env[DEMO_TEMPLATE_VAR];
  const keys = Object.keys(env).sort().join(',');
  const same = keys === 'DATA_DIR,MEILI_BIN,SEED_DEMO' && env.SEED_DEMO === DEMO_TEMPLATE_ENV.SEED_DEMO && env.MEILI_BIN === DEMO_TEMPLATE_ENV.MEILI_BIN;
  if (!template || !existsSync(template) || !same || !env.DATA_DIR || env.DATA_DIR === template) {
    return;
  }
  mkdirSync(env.DATA_DIR, { recursive: true });
  if (readdirSync(env.DATA_DIR).length === 0) {
    execFileSync('cp', ['-a', `${template}/.`, env.DATA_DIR]);
  }
}

// A first start seeds the demo data (now with the 双千 lists and a confirmed run: 4–14 s more on a busy
// 2-core machine); the default stays under the e2e project's 120 s hook timeout so that our error, with the
// platform's output, is the one reported.
export async function startPlatform(env: Record<string, string>, timeoutMs = 110_000): Promise<RunningPlatform> {
  // setpriv --pdeathsig: the platform dies with the test worker, even when the run is killed.
  const pdeath = existsSync('/usr/bin/setpriv') ? ['/usr/bin/setpriv', '--pdeathsig', 'SIGTERM', '--'] : [];
  await ensureServerBuilt({ log: () => undefined });
  fromDemoTemplate(env);
  const [cmd, ...args] = [...pdeath, process.execPath, '--enable-source-maps', resolve(ROOT, 'server/dist/main.mjs')];
  const proc = spawn(cmd!, args, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      ...(existsSync(GIVEN_MEILI) ? { MEILI_BIN: GIVEN_MEILI } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  createInterface({ input: proc.stderr! }).on('line', (l) => output.push(l));
  const port = await new Promise<number>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`platform not ready in ${timeoutMs} ms:\n${output.join('\n')}`)), timeoutMs);
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      output.push(line);
      const m = /^KEZHUAN_READY port=(\d+)/.exec(line);
      if (m) {
        clearTimeout(timer);
        res(Number(m[1]));
      }
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      rej(new Error(`platform exited with ${String(code)}:\n${output.join('\n')}`));
    });
  });
  return {
    proc,
    port,
    url: `http://127.0.0.1:${port}`,
    output,
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) {
        return;
      }
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      // A clean stop takes a second or two; do not let a stuck one hold the test run.
      const timer = setTimeout(() => proc.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Direct children of a process (on Linux), with their command lines. */
export function childrenOf(pid: number): { pid: number; cmd: string }[] {
  const out: { pid: number; cmd: string }[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) {
      continue;
    }
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) {
        out.push({ pid: Number(name), cmd: readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ').trim() });
      }
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/\) Z /.test(stat); // a zombie has exited
  } catch {
    return false;
  }
}
