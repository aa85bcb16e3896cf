/**
 * scripts/install-db.sh, which `npm install`, `npm start` and `npm test` run: idempotent once
 * everything is installed, nothing at all with MONGODB_URI, and without root an error that says
 * exactly what to run (here: a vendored file that differs from the installed one).
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/platform';

const run = promisify(execFile);
const SCRIPT = resolve(ROOT, 'scripts/install-db.sh');
const VENDOR = resolve(ROOT, '../shared/vendor/documentdb');
const tmp = mkdtempSync(join(tmpdir(), 'kz-install-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function install(env: Record<string, string>, asNobody = false): Promise<{ code: number; out: string }> {
  const [cmd, args] = asNobody ? ['/usr/bin/setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', '--', 'bash', SCRIPT, '--strict']] : ['bash', [SCRIPT, '--strict']];
  try {
    const r = await run(cmd, args, { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 600_000 });
    return { code: 0, out: `${r.stdout}${r.stderr}` };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

describe.skipIf(process.getuid?.() !== 0 || !existsSync(VENDOR))('installing the default database', () => {
  it('does nothing with MONGODB_URI, nothing the second time, and tells a non-root user what to run', async () => {
    expect(await install({ MONGODB_URI: 'mongodb://db.example.cn/' })).toEqual({ code: 0, out: '' });

    const first = await install({});
    expect(first.code, first.out).toBe(0);
    expect(await install({})).toEqual({ code: 0, out: '' }); // everything in place: silent

    // A vendored file that differs from the installed one, seen by a user who cannot copy it.
    const vendor = join(tmp, 'vendor');
    cpSync(VENDOR, vendor, { recursive: true });
    chmodSync(join(vendor, 'extension'), 0o755);
    writeFileSync(join(vendor, 'extension', 'documentdb.control'), '# changed\n');
    chmodSync(tmp, 0o755);
    const denied = await install({ DOCUMENTDB_VENDOR_DIR: vendor }, true);
    expect(denied.code).toBe(1);
    expect(denied.out).toContain('(1 of them) are not installed');
    expect(denied.out).toContain(`sudo cp ${vendor}/lib/*.so`);
    expect(denied.out).toContain('MONGODB_URI');
  });
});
