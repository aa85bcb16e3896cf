#!/usr/bin/env node
// Builds the embedded FerretDB: server/ferretdb, a small Go program that embeds FerretDB v2.7.0 (it
// runs on the managed PostgreSQL + DocumentDB), into server/ferretdb/bin/. Runs on `npm install` and
// before start/test. `--v1` builds server/ferretdb-v1 instead (FerretDB v1.24.2 on SQLite), which only
// `npm run db:migrate-v1` needs, to read data folders made by earlier versions of the platform.
// Rebuilds only when the Go source, go.mod or go.sum changed (hash kept beside the binary).
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const v1 = process.argv.includes('--v1');
const src = join(root, 'server', v1 ? 'ferretdb-v1' : 'ferretdb');
const binDir = join(src, 'bin');
const bin = join(binDir, v1 ? 'kezhuan-ferretdb-v1' : 'kezhuan-ferretdb');
const what = v1 ? 'FerretDB v1.24.2 (SQLite, for migrating old data folders)' : 'FerretDB v2.7.0 (on PostgreSQL + DocumentDB)';
const hashFile = join(binDir, 'source.sha256');
const strict = process.argv.includes('--strict');

function sourceHash() {
  const h = createHash('sha256');
  for (const f of ['main.go', 'go.mod', 'go.sum']) {
    h.update(f).update(readFileSync(join(src, f)));
  }
  return h.digest('hex');
}

const hash = sourceHash();
if (existsSync(bin) && existsSync(hashFile) && readFileSync(hashFile, 'utf8').trim() === hash) {
  console.log(`[ferretdb] embedded ${what} is up to date`);
  process.exit(0);
}

const go = spawnSync('go', ['version'], { encoding: 'utf8' });
if (go.error || go.status !== 0) {
  const msg = [
    '[ferretdb] Go is not installed, so the embedded database front end (FerretDB) cannot be built.',
    '           Install Go 1.25 or newer (https://go.dev/dl; Debian 12\'s golang-go is too old),',
    '           then run `npm install` again — or set MONGODB_URI to use your own MongoDB server.',
  ].join('\n');
  console.error(msg);
  process.exit(strict ? 1 : 0);
}

console.log(`[ferretdb] building embedded ${what} with ${go.stdout.trim()} — first build takes ~1–3 minutes…`);
mkdirSync(binDir, { recursive: true });
const started = Date.now();
try {
  execFileSync('go', ['build', '-trimpath', '-ldflags=-s -w', '-o', bin, '.'], {
    cwd: src,
    stdio: 'inherit',
    env: { ...process.env, CGO_ENABLED: '0' },
  });
} catch {
  console.error('[ferretdb] go build failed (see above). Set MONGODB_URI to run against an external MongoDB instead.');
  process.exit(strict ? 1 : 0);
}
writeFileSync(hashFile, hash + '\n');
console.log(`[ferretdb] built ${bin} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
