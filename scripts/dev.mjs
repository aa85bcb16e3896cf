#!/usr/bin/env node
// `npm run dev`: the API with reload on change (tsx watch) on port 3000 and the Vite dev server
// (which proxies /api to it) on port 5173. Demo data is seeded into an empty database.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { root, givenMeiliBinary } from './lib.mjs';

const env = { ...process.env, SERVE_CLIENT: 'false', SEED_DEMO: process.env.SEED_DEMO ?? 'true' };
if (!env.MEILI_HOST && !env.MEILI_BIN && givenMeiliBinary()) env.MEILI_BIN = givenMeiliBinary();
const procs = [
  spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'watch', 'server/src/main.ts'], { cwd: root, env, stdio: 'inherit' }),
  spawn('npm', ['run', 'dev', '-w', 'client'], { cwd: root, env, stdio: 'inherit' }),
];
const stop = () => procs.forEach((p) => p.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const p of procs) p.on('exit', stop);
