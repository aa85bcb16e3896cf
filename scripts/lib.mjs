// Helpers shared by the start and dev scripts.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function walk(dir, out) {
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || name === 'dist') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/** Hash of everything the web app build depends on. */
export function clientSourceHash() {
  const h = createHash('sha256');
  const files = [
    ...walk(join(root, 'client', 'src'), []),
    ...walk(join(root, 'shared', 'src'), []),
    join(root, 'client', 'index.html'),
    join(root, 'client', 'vite.config.ts'),
    join(root, 'package-lock.json'),
  ].filter((f) => existsSync(f) && !f.endsWith('.test.ts'));
  for (const f of files) h.update(f.slice(root.length)).update(readFileSync(f));
  return h.digest('hex');
}

/** Builds the web app unless client/dist was built from the same sources. */
export function ensureClientBuilt(log = console.log) {
  const marker = join(root, 'client', 'dist', '.source-hash');
  const hash = clientSourceHash();
  if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === hash) {
    log('[client] web app is up to date');
    return;
  }
  log('[client] building the web app (Vite)…');
  const t = Date.now();
  execFileSync('npm', ['run', 'build', '-w', 'client'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  writeFileSync(marker, hash + '\n');
  log(`[client] built in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}

/** The Meilisearch given beside the checkout (../shared/bin), when present and nothing else is configured. */
export function givenMeiliBinary() {
  const p = resolve(root, '..', 'shared', 'bin', 'meilisearch');
  return existsSync(p) ? p : undefined;
}
