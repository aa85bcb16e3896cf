#!/usr/bin/env node
// Builds the server once with esbuild, so `npm start` runs plain `node server/dist/main.mjs` instead of
// loading tsx and transpiling ~300 TypeScript files at every start (`npm run dev` stays on tsx).
// server/src/main.ts → server/dist/main.mjs (and the demo accounts for the start banner →
// server/dist/demo-accounts.mjs): ESM for Node, with a source map; npm packages stay external (loaded
// from node_modules as under tsx), the workspaces @kezhuan/shared and @kezhuan/search-config are
// bundled (they ship TypeScript). Rebuilt only when a source changed: a hash of server/src,
// shared/src, search-config/src, the tsconfigs, the lock file, this script and the checkout's path
// is kept in server/dist/.source-hash.
//
// Files that read data beside their source (import.meta.url / import.meta.dirname: the common
// passwords, the demo data, FerretDB's binary, the web app's dist, package.json) keep reading it
// there: each module's import.meta.url/dirname/filename is replaced by its source file's own, so the
// bundle resolves exactly what the sources do (the bundle is not meant to move away from the checkout;
// a moved checkout has another path, hence another hash, and is rebuilt).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '..');

const CODE = /\.(ts|mts|js|mjs|json)$/;

function walk(dir, out) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || name === 'dist') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (CODE.test(name) && !/\.test\.ts$/.test(name)) out.push(p);
  }
  return out;
}

/** Hash of everything the server bundle is made from (under `root`). */
export function serverSourceHash(root = ROOT) {
  const h = createHash('sha256').update(root).update(readFileSync(fileURLToPath(import.meta.url)));
  const files = [
    ...['server/src', 'shared/src', 'search-config/src'].flatMap((d) => walk(join(root, d), [])),
    ...['tsconfig.base.json', 'server/tsconfig.json', 'package-lock.json', 'server/package.json'].map((f) => join(root, f)),
  ].filter((f) => existsSync(f));
  for (const f of files) h.update(f.slice(root.length)).update('\0').update(readFileSync(f));
  return h.digest('hex');
}

const requireHere = createRequire(import.meta.url);

/**
 * The specifier Node's ESM loader accepts for an external import: a deep import without extension
 * (`@node-rs/jieba/dict`, which tsx resolves the CommonJS way) gets the extension of the file it names.
 */
function nodeSpecifier(spec) {
  if (spec.startsWith('node:') || !/^(@[^/]+\/[^/]+|[^@/][^/]*)\/./.test(spec) || /\.(c|m)?js$|\.json$/.test(spec)) return spec;
  try {
    // Node resolves without looking at the disk: check the file is there.
    const url = import.meta.resolve(spec);
    if (!url.startsWith('file:') || (existsSync(fileURLToPath(url)) && statSync(fileURLToPath(url)).isFile())) return spec;
    throw new Error(`${spec}: no such file`);
  } catch {
    try {
      const ext = extname(requireHere.resolve(spec));
      return ext && !spec.endsWith(ext) ? spec + ext : spec;
    } catch {
      return spec;
    }
  }
}

/** esbuild plugin: npm packages external, workspaces bundled, import.meta.* of each module kept. */
function platformPlugin(root) {
  return {
    name: 'kezhuan-server',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@kezhuan/') ? undefined : { path: nodeSpecifier(args.path), external: true }));
      build.onLoad({ filter: /\.(ts|mts)$/ }, (args) => {
        let contents = readFileSync(args.path, 'utf8');
        if (args.path.startsWith(root) && contents.includes('import.meta.')) {
          contents = contents
            .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
            .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)))
            .replaceAll('import.meta.filename', JSON.stringify(args.path));
        }
        return { contents, loader: 'ts' };
      });
    },
  };
}

/**
 * Builds the server bundle unless `outDir` holds one made from the same sources.
 * Returns whether it built. Concurrent callers are safe: files are written under a temporary name and
 * renamed, the hash last.
 */
export async function ensureServerBuilt({ root = ROOT, outDir = join(root, 'server', 'dist'), log = console.log, force = false } = {}) {
  const marker = join(outDir, '.source-hash');
  const hash = serverSourceHash(root);
  const main = join(outDir, 'main.mjs');
  if (!force && existsSync(main) && existsSync(marker) && readFileSync(marker, 'utf8').trim() === hash) {
    log('[server] build is up to date');
    return false;
  }
  log('[server] building the server (esbuild)…');
  const t = Date.now();
  const { build } = await import('esbuild');
  const entries = { main: join(root, 'server', 'src', 'main.ts') };
  const accounts = join(root, 'server', 'src', 'seed', 'demo-accounts.ts');
  if (existsSync(accounts)) entries['demo-accounts'] = accounts;
  const result = await build({
    absWorkingDir: root,
    entryPoints: entries,
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    sourcesContent: false,
    ...(existsSync(join(root, 'server', 'tsconfig.json')) ? { tsconfig: join(root, 'server', 'tsconfig.json') } : {}),
    plugins: [platformPlugin(root)],
    write: false,
    logLevel: 'warning',
  });
  mkdirSync(outDir, { recursive: true });
  const tmp = `.tmp-${process.pid}-${Date.now()}`;
  for (const f of result.outputFiles) {
    writeFileSync(f.path + tmp, f.contents);
    renameSync(f.path + tmp, f.path);
  }
  writeFileSync(marker + tmp, hash + '\n');
  renameSync(marker + tmp, marker);
  log(`[server] built in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await ensureServerBuilt({ force: process.argv.includes('--force') });
}
