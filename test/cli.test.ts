/**
 * The command-line tools an administrator runs beside the platform: create the first administrator,
 * import a file, reindex. Each runs as its own process on a fresh embedded database, as in the README.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { makeUscc } from '@kezhuan/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/platform';

const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), 'kz-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs a CLI script of server/src/cli with the embedded database and search engine in `dataDir`. */
async function cli(script: string, args: string[]): Promise<{ code: number; out: string }> {
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', DATA_DIR: dataDir, LOG_LEVEL: 'error', NODE_ENV: 'production' };
  try {
    const r = await run(process.execPath, ['--import', 'tsx', resolve(ROOT, 'server/src/cli', script), ...args], { cwd: ROOT, env, timeout: 120_000 });
    return { code: 0, out: `${r.stdout}\n${r.stderr}` };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, out: `${e.stdout ?? ''}\n${e.stderr ?? ''}` };
  }
}

const UNI = makeUscc('12', '220100', 'KC0000001');

describe('command-line tools', () => {
  // Six processes, each starting (and stopping) its own PostgreSQL and FerretDB: minutes on a busy machine.
  it('create an administrator, import organisations and results (searchable when the command ends), refuse a bad file with a report', { timeout: 400_000 }, async () => {
    const admin = await cli('create-admin.ts', ['--email', 'ops@example.cn', '--phone', '13900000001', '--password', 'Cli-Admin-2026-ok']);
    expect(admin.out).toContain('administrator created: ops@example.cn');

    const orgs = join(dataDir, '机构.csv');
    writeFileSync(orgs, `机构名称,机构类型,统一社会信用代码,所在市\r\n命令行测试大学,高校,${UNI},长春市\r\n`);
    const o = await cli('import.ts', ['--kind', 'orgs', '--file', orgs, '--publish']);
    expect(o.code, o.out).toBe(0);
    expect(o.out).toContain('1 orgs imported');

    const header = '机构统一社会信用代码,成果名称,成果简介,关键词,学科,行业,成熟度,转化方式,价格（元）,所在市,联系人,联系电话,联系邮箱';
    const row = (i: number, city = '长春') =>
      `${UNI},黑土地保护性耕作秸秆还田技术${i},在吉林中部黑土区开展秸秆覆盖还田与免耕播种，土壤有机质逐年提高。,黑土地；秸秆还田,210,A,中试,许可,面议,${city},李老师,13943100002,li@example.cn`;
    const results = join(dataDir, '成果.csv');
    writeFileSync(results, [header, row(1), row(2), row(3)].join('\r\n'));
    const r = await cli('import.ts', ['--kind', 'results', '--file', results, '--publish']);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('3 results imported');
    expect(r.out).toMatch(/results: 3 checked, 3 added, 0 updated, 0 removed/);

    // Already indexed by the import: a reconciliation finds nothing to add.
    const re = await cli('reindex.ts', []);
    expect(re.out).toMatch(/results.*3 checked, 0 added, 0 updated, 0 removed/);
    expect(re.out).toContain('results: 3 documents in the embedded index');

    const bad = join(dataDir, '成果-有误.csv');
    writeFileSync(bad, [header, row(4), row(5, '火星市'), row(1)].join('\r\n'));
    const b = await cli('import.ts', ['--kind', 'results', '--file', bad]);
    expect(b.code).toBe(1);
    const report = readFileSync(b.out.match(/error report: (.+\.csv)/)?.[1]?.trim() ?? '', 'utf8');
    expect(report).toContain('火星市');
    expect(report).toContain('平台上已有该机构的同名成果');
    const after = await cli('reindex.ts', []);
    expect(after.out).toContain('results: 3 documents in the embedded index');
  });
});
