/**
 * The platform's own processes: the managed PostgreSQL, FerretDB and Meilisearch start as children,
 * the log says which engines run and why, data survives a restart, and no child (nor any
 * PostgreSQL backend) outlives a kill -9; the next start recovers the cluster.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { childrenOf, GIVEN_MEILI, isAlive, startPlatform } from './support/platform';

const dataDir = mkdtempSync(join(tmpdir(), 'kz-proc-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function waitGone(pids: number[], ms = 10_000): Promise<number[]> {
  const deadline = Date.now() + ms;
  let alive = pids;
  while (Date.now() < deadline) {
    alive = pids.filter(isAlive);
    if (alive.length === 0) {
      break;
    }
    await sleep(100);
  }
  return alive;
}

const ACCOUNT = {
  email: 'persist@example.cn', phone: '13612345678', password: 'Chongqi-Ceshi-2026', displayName: '持久化', role: 'enterprise',
  newOrg: { name: '重启测试公司', type: 'enterprise', uscc: '91220100MA0000001L', city: '220100' },
};

/** A POST with the anonymous CSRF token (cookie + header), as the web app sends it. */
async function post(url: string, path: string, body: unknown): Promise<Response> {
  const session = await fetch(`${url}/api/auth/session`);
  const cookie = session.headers.get('set-cookie')?.split(';')[0] ?? '';
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  return fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie },
    body: JSON.stringify(body),
  });
}

/** Registers through both steps, reading the code from the development log transport. */
async function register(url: string, output: readonly string[]): Promise<Response> {
  const sent = await post(url, '/api/auth/register', ACCOUNT);
  expect(sent.status).toBe(202);
  let code: string | undefined;
  await expect
    .poll(() => (code = /验证码是 (\d{6})/.exec(output.filter((l) => l.includes('log-mail') && l.includes(ACCOUNT.email)).at(-1) ?? '')?.[1]), { timeout: 15_000 })
    .toMatch(/^\d{6}$/);
  return post(url, '/api/auth/register/confirm', { ...ACCOUNT, code });
}

describe('platform processes', () => {
  it('runs the embedded database and search engine as children that die with the server, even on kill -9', async () => {
    const p = await startPlatform({ DATA_DIR: dataDir, SERVE_CLIENT: 'false', SEED_DEMO: 'true' });
    onTestFinished(() => p.stop());
    const log = p.output.join('\n');
    expect(log).toContain('created a PostgreSQL cluster');
    expect(log).toMatch(/database: ferretdb2-documentdb: FerretDB v2\.7\.0 on PostgreSQL 15\.\d+ \+ DocumentDB 0\.107-0/);
    expect(log).toContain('MONGODB_URI is not set');
    expect(log).not.toMatch(/postgres:\/\/kezhuan:/); // the cluster's password is never logged

    const health = (await (await fetch(`${p.url}/api/health`)).json()) as { database: { kind: string; reachable: boolean }; search: { kind: string } };
    expect(health.database).toMatchObject({ kind: 'ferretdb2-documentdb', reachable: true });
    expect(health.search.kind).toBe(existsSync(GIVEN_MEILI) ? 'meilisearch' : 'embedded');

    const kids = childrenOf(p.proc.pid!);
    const ferret = kids.find((k) => k.cmd.includes('kezhuan-ferretdb'));
    expect(ferret, JSON.stringify(kids)).toBeDefined();
    const postmaster = kids.find((k) => k.cmd.includes('postgres') && k.cmd.includes(join(dataDir, 'pg', 'data')));
    expect(postmaster, JSON.stringify(kids)).toBeDefined();
    const backends = childrenOf(postmaster!.pid);
    expect(backends.length).toBeGreaterThan(3); // checkpointer, walwriter, pg_cron, FerretDB's connections …
    if (existsSync(GIVEN_MEILI)) {
      expect(kids.find((k) => k.cmd.includes('meilisearch'))).toBeDefined();
    }

    const demoOrgs = await fetch(`${p.url}/api/orgs?q=吉林大学`);
    expect(((await demoOrgs.json()) as { total: number }).total).toBeGreaterThan(0);
    // The demo results become searchable through the index workers within seconds.
    await expect
      .poll(async () => ((await (await fetch(`${p.url}/api/search/results?q=${encodeURIComponent('玉米')}`)).json()) as { total: number }).total, { timeout: 60_000, interval: 500 })
      .toBeGreaterThan(0);

    p.proc.kill('SIGKILL');
    expect(await waitGone([...kids, ...backends].map((k) => k.pid), 30_000)).toEqual([]);
  });

  it('stops its children on SIGTERM and keeps the data for the next start', { timeout: 300_000 }, async () => {
    const first = await startPlatform({ DATA_DIR: dataDir, SERVE_CLIENT: 'false' });
    onTestFinished(() => first.stop());
    // After the kill -9 above, the cluster starts again on the same data, without a new initdb.
    expect(first.output.join('\n')).not.toContain('created a PostgreSQL cluster');
    const kids = childrenOf(first.proc.pid!).map((k) => k.pid);
    const res = await register(first.url, first.output);
    expect(res.status).toBe(201);
    // Stop once the start-up reconciliation (which a stop waits for) has caught up with the demo
    // data that the kill -9 above interrupted: under load it takes longer than the stop's grace.
    await expect.poll(() => first.output.join('\n'), { timeout: 200_000, interval: 500 }).toContain('search index needs:');
    await first.stop();
    expect(first.proc.exitCode, first.output.slice(-15).join('\n')).toBe(0);
    expect(await waitGone(kids)).toEqual([]);
    // A clean stop is PostgreSQL's fast shutdown: the cluster is marked shut down, no stale lock.
    expect(existsSync(join(dataDir, 'pg', 'data', 'postmaster.pid'))).toBe(false);

    const second = await startPlatform({ DATA_DIR: dataDir, SERVE_CLIENT: 'false' });
    try {
      // The account from the first run is still there.
      const again = await post(second.url, '/api/auth/login', { identifier: ACCOUNT.email, password: ACCOUNT.password });
      expect(again.status).toBe(200);
      const orgs = (await (await fetch(`${second.url}/api/orgs?q=重启测试`)).json()) as { total: number };
      expect(orgs.total).toBe(1);
    } finally {
      await second.stop();
    }
  });
});
