/**
 * Two server processes' worth of Socket.io (two HTTP servers on one database), joined by a real
 * redis-server started here: a notification stored and pushed by one reaches the user's socket on
 * the other. Without Redis it does not (the control that shows the test can fail).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { createServer as netServer, type AddressInfo } from 'node:net';
import type { ServerToClientEvents } from '@kezhuan/shared';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notify } from '../modules/notifications/notification.service';
import { buildUser } from '../testing/factories';
import { testApp, useTestDb } from '../testing/harness';
import { openSocket, sessionCookie } from '../testing/socket-client';
import { useRedisAdapter, type RedisLink } from './redis-adapter';
import { attachRealtime, type KezhuanIo } from './socket';

useTestDb();

const REDIS_BIN = '/usr/bin/redis-server';

async function freePort(): Promise<number> {
  const s = netServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** redis-server on a free port, no persistence; resolves when it accepts connections. */
async function startRedis(): Promise<{ url: string; proc: ChildProcess }> {
  const port = await freePort();
  const proc = spawn(REDIS_BIN, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start')), 10_000);
    proc.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    proc.once('exit', (code) => reject(new Error(`redis-server exited with ${String(code)}`)));
  });
  return { url: `redis://127.0.0.1:${port}`, proc };
}

interface Node {
  server: Server;
  io: KezhuanIo;
  url: string;
  redis?: RedisLink;
}

async function startNode(redisUrl?: string): Promise<Node> {
  const app = testApp();
  const server = createServer(app);
  const io = attachRealtime(server, app.locals.sessionMiddleware);
  const redis = redisUrl ? await useRedisAdapter(io, redisUrl) : undefined;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, io, redis, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function stopNode(n: Node): Promise<void> {
  await n.io.close();
  await n.redis?.close();
  n.server.closeAllConnections();
}

/** The user's socket on `node`, once the server has counted its unread notifications (it is in its room). */
async function openOn(node: Node, cookie: string): Promise<Socket<ServerToClientEvents>> {
  const s = openSocket(node.url, { cookie });
  await new Promise((resolve) => s.once('notification:unread', resolve));
  return s;
}

/** The titles of `notification:new` events the socket receives within `ms`. */
function collect(s: Socket<ServerToClientEvents>, ms: number): Promise<string[]> {
  const got: string[] = [];
  s.on('notification:new', (n) => got.push(n.title));
  return new Promise((resolve) => setTimeout(() => resolve(got), ms));
}

let redis: { url: string; proc: ChildProcess };
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => {
  redis.proc.kill('SIGKILL');
});

describe('Socket.io across server processes', () => {
  it('delivers a notification pushed by one server to the user connected to another, through Redis', async () => {
    // The node attached last publishes notifications (one publisher per process): it is "server A".
    const b = await startNode(redis.url);
    const a = await startNode(redis.url);
    const user = await buildUser();
    const socket = await openOn(b, await sessionCookie(a.url, user.email));
    try {
      const received = collect(socket, 1500);
      await notify(user._id, { kind: 'system', title: '跨进程通知', titleEn: 'Across processes', key: 'scale:1' });
      expect(await received).toEqual(['跨进程通知']);
    } finally {
      socket.close();
      await stopNode(a);
      await stopNode(b);
    }
  });

  it('disconnects a socket held by another server when its session logs out, through Redis', async () => {
    const b = await startNode(redis.url);
    const a = await startNode(redis.url);
    const user = await buildUser();
    const cookie = await sessionCookie(a.url, user.email);
    const socket = await openOn(b, cookie);
    try {
      const gone = new Promise<string>((resolve) => socket.once('disconnect', resolve));
      const s = await fetch(`${a.url}/api/auth/session`, { headers: { cookie } });
      const { csrfToken } = (await s.json()) as { csrfToken: string };
      const out = await fetch(`${a.url}/api/auth/logout`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } });
      expect(out.status).toBe(200);
      expect(await gone).toBe('io server disconnect');
    } finally {
      socket.close();
      await stopNode(a);
      await stopNode(b);
    }
  });

  it('without Redis, a server reaches only its own sockets', async () => {
    const b = await startNode();
    const a = await startNode();
    const user = await buildUser();
    const socket = await openOn(b, await sessionCookie(a.url, user.email));
    try {
      const received = collect(socket, 800);
      await notify(user._id, { kind: 'system', title: '本进程通知', titleEn: 'This process only', key: 'scale:2' });
      expect(await received).toEqual([]);
    } finally {
      socket.close();
      await stopNode(a);
      await stopNode(b);
    }
  });

  it('refuses to start against a Redis that is not there, with a readable message', async () => {
    const app = testApp();
    const io = attachRealtime(createServer(app), app.locals.sessionMiddleware);
    await expect(useRedisAdapter(io, `redis://:secret@127.0.0.1:${await freePort()}`)).rejects.toThrow(/Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+\/? is not reachable/);
    await io.close();
  });
});
