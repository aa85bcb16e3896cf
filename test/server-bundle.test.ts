/**
 * `npm start` runs the server from an esbuild bundle (scripts/build-server.mjs): built once, rebuilt
 * when a source of server, shared or search-config changes, and resolving what the sources resolve.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/platform';

interface BuildOptions {
  root?: string;
  outDir?: string;
  log?: (m: string) => void;
}
// @ts-expect-error -- plain ESM script without types
const { ensureServerBuilt } = (await import('../scripts/build-server.mjs')) as { ensureServerBuilt: (o: BuildOptions) => Promise<boolean> };

const run = promisify(execFile);
const tmp = mkdtempSync(join(tmpdir(), 'kz-bundle-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const quiet = () => undefined;

function write(root: string, file: string, text: string): void {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
}

describe('the server bundle npm start runs', () => {
  it('is rebuilt when a server, shared or search-config source changes, not otherwise; data beside a source still resolves', async () => {
    const root = join(tmp, 'checkout');
    write(root, 'shared/src/index.ts', "export const greeting: string = '你好';\n");
    write(root, 'search-config/src/index.ts', 'export const indexes = 2;\n');
    write(root, 'server/src/data/word.txt', '成果');
    write(
      root,
      'server/src/main.ts',
      [
        "import { readFileSync } from 'node:fs';",
        "import { greeting } from '../../shared/src/index';",
        "import { indexes } from '../../search-config/src/index';",
        "const word = readFileSync(new URL('./data/word.txt', import.meta.url), 'utf8');",
        'console.log(JSON.stringify({ greeting, indexes, word, dir: import.meta.dirname }));',
      ].join('\n'),
    );
    const main = async () => JSON.parse((await run(process.execPath, [join(root, 'server/dist/main.mjs')])).stdout) as Record<string, unknown>;

    expect(await ensureServerBuilt({ root, log: quiet })).toBe(true);
    expect(await main()).toEqual({ greeting: '你好', indexes: 2, word: '成果', dir: join(root, 'server/src') });
    expect(await ensureServerBuilt({ root, log: quiet })).toBe(false);

    write(root, 'server/src/main.test.ts', 'export {};\n');
    expect(await ensureServerBuilt({ root, log: quiet })).toBe(false);

    write(root, 'shared/src/index.ts', "export const greeting: string = '您好';\n");
    expect(await ensureServerBuilt({ root, log: quiet })).toBe(true);
    expect((await main()).greeting).toBe('您好');

    write(root, 'search-config/src/index.ts', 'export const indexes = 3;\n');
    expect(await ensureServerBuilt({ root, log: quiet })).toBe(true);
    expect((await main()).indexes).toBe(3);
  });

  it('builds the real server: every package it imports resolves for Node, and the banner gets the demo accounts', async () => {
    const outDir = join(tmp, 'dist');
    expect(await ensureServerBuilt({ outDir, log: quiet })).toBe(true);
    const code = readFileSync(join(outDir, 'main.mjs'), 'utf8');
    const specifiers = [...new Set([...code.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]!))];
    expect(specifiers).toContain('@node-rs/jieba/dict.js');
    expect(specifiers.filter((s) => s.startsWith('@kezhuan/'))).toEqual([]);
    expect(code).not.toContain('import.meta');
    // Resolved from server/dist's place, as Node will (it resolves without checking the file, so check it).
    const from = pathToFileURL(join(ROOT, 'server/dist/main.mjs')).href;
    const missing = specifiers.filter((s) => !s.startsWith('node:')).filter((s) => {
      try {
        readFileSync(fileURLToPath(import.meta.resolve(s, from)));
        return false;
      } catch {
        return true;
      }
    });
    expect(missing).toEqual([]);
    const { DEMO_ACCOUNTS } = (await import(pathToFileURL(join(outDir, 'demo-accounts.mjs')).href)) as { DEMO_ACCOUNTS: { role: string }[] };
    expect(DEMO_ACCOUNTS.map((a) => a.role)).toContain('admin');
  });
});
