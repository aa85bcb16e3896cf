#!/usr/bin/env node
// `npm start`: installs and builds what is missing (PostgreSQL + DocumentDB, FerretDB, web app), starts the platform with demo
// data on the embedded defaults and prints the URL and the demo accounts. Data persists in ./data.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { ensureServerBuilt } from './build-server.mjs';
import { root, ensureClientBuilt, givenMeiliBinary } from './lib.mjs';

const t0 = Date.now();
const env = { ...process.env };
env.NODE_ENV ??= 'production';
env.SEED_DEMO ??= 'true';
if (!env.MEILI_HOST && !env.MEILI_BIN && givenMeiliBinary()) env.MEILI_BIN = givenMeiliBinary();

/** Runs a check-and-install step beside the others; a failure (it says why) ends the start. */
function step(cmd, args) {
  return new Promise((resolve) => {
    spawn(cmd, args, { stdio: 'inherit' }).on('exit', (code) => {
      if (code !== 0) process.exit(code ?? 1);
      resolve();
    });
  });
}

// The default database: PostgreSQL 15 + DocumentDB (installed with apt when missing, as root) and
// FerretDB 2, checked side by side (each is a fraction of a second when there is nothing to do).
const dbReady = env.MONGODB_URI
  ? Promise.resolve()
  : Promise.all([step('bash', [join(root, 'scripts', 'install-db.sh'), '--strict']), step(process.execPath, [join(root, 'scripts', 'build-ferretdb.mjs'), '--strict'])]);
ensureClientBuilt();
// The server runs from its esbuild bundle (built once per source change), not through tsx.
await ensureServerBuilt();
await dbReady;
const dist = join(root, 'server', 'dist');

console.log('[server] starting…');
const server = spawn(process.execPath, ['--enable-source-maps', join(dist, 'main.mjs')], {
  cwd: root,
  env,
  stdio: ['inherit', 'pipe', 'inherit'],
});
const { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_PAIRING_ACCOUNTS = {}, DEMO_FINANCIER_ACCOUNT } = await import(pathToFileURL(join(dist, 'demo-accounts.mjs')).href);

createInterface({ input: server.stdout }).on('line', (line) => {
  const m = /^KEZHUAN_READY port=(\d+)/.exec(line);
  if (!m) {
    console.log(line);
    return;
  }
  const url = `http://localhost:${m[1]}`;
  const logins = [...DEMO_ACCOUNTS, ...Object.values(DEMO_PAIRING_ACCOUNTS).map((a) => ({ ...a, role: a.label })), ...(DEMO_FINANCIER_ACCOUNT ? [DEMO_FINANCIER_ACCOUNT] : [])];
  const rows = logins.map((a) => `    ${a.role.padEnd(17)} ${a.email.padEnd(30)} ${a.phone}`).join('\n');
  console.log(`
  ┌──────────────────────────────────────────────────────────────
  │ 科转 Kezhuan is running: ${url}
  │ API docs: ${url}/api/docs     health: ${url}/api/health
  │ ready in ${((Date.now() - t0) / 1000).toFixed(1)} s · data in ${env.DATA_DIR ?? './data'} · Ctrl+C stops everything
  └──────────────────────────────────────────────────────────────
  Demo accounts (password ${DEMO_PASSWORD}):
${rows}
`);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
