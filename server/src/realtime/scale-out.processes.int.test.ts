/**
 * Scale-out on one machine, all real: two Kezhuan server processes on the same database, one
 * Meilisearch and one redis-server. A listing written through process A becomes searchable and its
 * owner's notification reaches a socket connected to B; a session made on A works on B; and the
 * index sync pushes each dirty record once across the two processes (the lease in the database),
 * counted from Meilisearch's own task log.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { HttpSession } from '../bench/http-session';
import { slowDb } from '../lib/db';
import { LeaseModel } from '../lib/lease';
import { ResearchResultModel } from '../modules/results/result.model';
import { buildUser, TEST_PASSWORD } from '../testing/factories';
import { useTestDb } from '../testing/harness';
import { buildResult, validResultInput } from '../testing/listing-factories';
import { startRedis, startServerProcess, type ServerProcess } from '../testing/processes';
import { openSocket } from '../testing/socket-client';

const { dbName } = useTestDb();
const REDIS_BIN = '/usr/bin/redis-server';
const meiliHost = inject('meiliHost');
const meiliKey = inject('meiliKey');
const why = !meiliHost ? 'no Meilisearch' : !existsSync(REDIS_BIN) ? `no ${REDIS_BIN}` : '';
if (why) {
  console.warn(`[scale-out] skipped: ${why}`);
}

let redis: Awaited<ReturnType<typeof startRedis>> | undefined;
const nodes: ServerProcess[] = [];
const dirs: string[] = [];
let a: ServerProcess;
let b: ServerProcess;

beforeAll(async () => {
  if (why) {
    return;
  }
  redis = await startRedis(REDIS_BIN);
  const secret = randomBytes(24).toString('hex');
  const start = () => {
    const dir = mkdtempSync(join(tmpdir(), 'kz-node-'));
    dirs.push(dir);
    return startServerProcess({
      MONGODB_URI: inject('mongoUri'), MONGODB_DB: dbName, MEILI_HOST: meiliHost, MEILI_MASTER_KEY: meiliKey,
      REDIS_URL: redis!.url, SESSION_SECRET: secret, DATA_DIR: dir,
    });
  };
  [a, b] = await Promise.all([start(), start()]);
  nodes.push(a, b);
}, 180_000);

afterAll(async () => {
  await Promise.all(nodes.map((n) => n.stop()));
  redis?.proc.kill('SIGKILL');
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000, everyMs = 250): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) {
      return v;
    }
    if (Date.now() > end) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Documents Meilisearch received for the results index since `since` (its own task log). */
async function pushedSince(since: Date): Promise<number> {
  const res = await fetch(`${meiliHost}/tasks?indexUids=kz_results&types=documentAdditionOrUpdate&limit=1000&afterEnqueuedAt=${since.toISOString()}`, {
    headers: { authorization: `Bearer ${meiliKey}` },
  });
  const body = (await res.json()) as { results: { details?: { receivedDocuments?: number } }[] };
  return body.results.reduce((n, t) => n + (t.details?.receivedDocuments ?? 0), 0);
}

describe.skipIf(why)('two server processes on one database, one Meilisearch and one Redis', () => {
  it('shares sessions, search and notifications across the processes', async () => {
    const researcher = await buildUser({ role: 'researcher' });
    const admin = await buildUser({ role: 'admin' });
    const onA = await new HttpSession(a.url).login(researcher.email, TEST_PASSWORD);
    const onB = onA.on(b.url);
    // The session made on A is the same signed-in session on B.
    const me = await onB.call('GET', '/api/auth/session');
    expect((me.body as { user?: { email?: string } | null }).user?.email).toBe(researcher.email);

    const socket = openSocket(b.url, { cookie: onA.sessionCookie });
    const titles: string[] = [];
    socket.on('notification:new', (n) => titles.push(n.title));
    await new Promise((r) => socket.once('notification:unread', r));
    try {
      const title = `跨进程成果${randomBytes(3).toString('hex')}`;
      const created = await onA.call('POST', '/api/results', validResultInput({ title }));
      expect(created.status).toBe(201);
      const id = (created.body as { id: string }).id;
      expect((await onA.call('POST', `/api/results/${id}/submit`)).status).toBe(200);
      const adminOnA = await new HttpSession(a.url).login(admin.email, TEST_PASSWORD);
      expect((await adminOnA.call('POST', `/api/admin/review/result/${id}`, { decision: 'approve' })).status).toBe(200);

      // Pushed by A, through Redis, to the socket on B.
      await until('the notification on B', async () => (titles.some((t) => t.includes(title)) ? true : undefined));
      // Indexed by whichever process holds the lease, found through B.
      const hits = await until('the listing in search on B', async () => {
        const r = await onB.call('GET', `/api/search/results?q=${encodeURIComponent(title)}`);
        const found = (r.body as { hits?: { id: string }[] }).hits?.filter((h) => h.id === id) ?? [];
        return found.length > 0 ? found : undefined;
      });
      expect(hits).toHaveLength(1);
      adminOnA.close();
    } finally {
      socket.close();
      onA.close();
      onB.close();
    }
  }, 90_000);

  it('pushes each dirty record to the search engine once, not once per process', async () => {
    const owner = await buildUser({ role: 'researcher' });
    const built = await buildResult(owner, { status: 'published' });
    await until('the first record flushed', async () => ((await ResearchResultModel.countDocuments({ searchDirty: true })) === 0 ? true : undefined));
    const first = await ResearchResultModel.findById(built._id).lean();
    const since = new Date();
    // FerretDB v1 scans the collection for every flush (and idles 15 s between them): fewer there.
    const n = slowDb() ? 100 : 400;
    // Written as another process would (no write hint in A or B): both workers find them dirty.
    await ResearchResultModel.collection.insertMany(
      Array.from({ length: n }, (_, i) => ({ ...first!, _id: new Types.ObjectId(), owner: owner._id, title: `租约成果${i}`, searchDirty: true, searchV: 1, announcedAt: new Date() })),
    );
    const ids = await until('every record flushed', async () => ((await ResearchResultModel.countDocuments({ searchDirty: true })) === 0 ? true : undefined), 150_000, 1000);
    expect(ids).toBe(true);
    expect(await pushedSince(since)).toBe(n);
    const lease = await LeaseModel.findById('index-sync').lean();
    expect(lease?.holder).toMatch(/:\d+:/);
  }, 240_000);
});
