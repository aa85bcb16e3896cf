/**
 * Deal chat across two real server processes joined by a real redis-server: a message sent to
 * process A reaches a participant connected to B, and presence (fetchSockets through the adapter)
 * lists participants of both processes.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DealChat, type DealMessageView } from '@kezhuan/shared';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testApp, useTestDb } from '../../testing/harness';
import { startRedis, startServerProcess, type ServerProcess } from '../../testing/processes';
import { sessionCookie } from '../../testing/socket-client';
import { connected, next, openChatSocket, type ChatClientSocket } from './deal.socket.testing';
import { openedDeal } from './deal.testing';

const { dbName } = useTestDb();
const app = testApp();
const REDIS_BIN = '/usr/bin/redis-server';
const why = !existsSync(REDIS_BIN) ? `no ${REDIS_BIN}` : '';
if (why) {
  console.warn(`[deal chat scale-out] skipped: ${why}`);
}

let redis: Awaited<ReturnType<typeof startRedis>> | undefined;
const nodes: ServerProcess[] = [];
const dirs: string[] = [];
const sockets: ChatClientSocket[] = [];

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
      // No Meilisearch: chat needs none, and these processes' index sync would push into the shared
      // Meilisearch's indexes that scale-out.processes counts pushes of (the embedded engine lives in DATA_DIR).
      MONGODB_URI: inject('mongoUri'), MONGODB_DB: dbName,
      REDIS_URL: redis!.url, SESSION_SECRET: secret, DATA_DIR: dir,
    });
  };
  nodes.push(...(await Promise.all([start(), start()])));
}, 180_000);

afterAll(async () => {
  sockets.forEach((s) => s.close());
  await Promise.all(nodes.map((n) => n.stop()));
  redis?.proc.kill('SIGKILL');
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

describe.skipIf(why)('deal chat on two server processes with Redis', () => {
  it('delivers a message sent on A to a participant on B, and presence lists both', async () => {
    const [a, b] = nodes as [ServerProcess, ServerProcess];
    const { dealId, enterprise, researcher } = await openedDeal(app);
    const entSocket = openChatSocket(a.url, await sessionCookie(a.url, enterprise.email));
    const resSocket = openChatSocket(b.url, await sessionCookie(b.url, researcher.email));
    sockets.push(entSocket, resSocket);
    await Promise.all([connected(entSocket), connected(resSocket)]);
    const ent = new DealChat(entSocket, dealId);
    const res = new DealChat(resSocket, dealId);
    await ent.start();
    const bothOnA = next(entSocket, 'deal:presence', (p) => p.online.length === 2);
    await res.start();
    // B's join saw A's socket through the adapter; A heard of B's socket.
    expect(res.online.map((p) => p.id).sort()).toEqual([String(enterprise._id), String(researcher._id)].sort());
    expect((await bothOnA).online.map((p) => p.id).sort()).toEqual([String(enterprise._id), String(researcher._id)].sort());

    const onB = next(resSocket, 'deal:message');
    const stored = await ent.send('从 A 发出的消息');
    const heard: DealMessageView = await onB;
    expect(heard).toMatchObject({ id: stored.id, dealId, body: '从 A 发出的消息' });
    const onA = next(entSocket, 'deal:message', (m) => m.body === 'B 的回复');
    await res.send('B 的回复');
    expect((await onA).sender.id).toBe(String(researcher._id));

    // Leaving on B is seen on A.
    const alone = next(entSocket, 'deal:presence', (p) => p.online.length === 1);
    res.stop();
    expect((await alone).online.map((p) => p.id)).toEqual([String(enterprise._id)]);
  }, 60_000);
});
