/**
 * `npm run bench:realtime [-- --clients 1000 --room-size 10 --rate 100 --seconds 20 --warmup 5 --mode both --windows]`:
 * deal-room chat end to end. Starts a database (MONGODB_URI, or the embedded FerretDB 2 in a
 * temporary folder), makes `clients/room-size` rooms with two organisations each (half the room's
 * sockets per side, two users per room signed in over HTTP), connects `clients` Socket.io clients
 * that join their room through DealChat, and sends `rate` messages a second in total (round robin
 * over the clients) for `seconds`. Latency is from the sender's `deal:send` to each room member's
 * `deal:message` (all clocks in this process). Lost: a (message, member) pair never delivered;
 * duplicated: delivered more than once to one socket. Run once on one server process and once on
 * two processes joined by a real redis-server (clients alternate between the processes).
 * The first `warmup` seconds run at the same rate but their latencies are not counted (a freshly
 * started process compiles its hot paths and the database settles after the seeding's writes; a
 * serving process has long done both); their messages still count for lost and duplicated.
 * `--windows` prints p50/p99/max per 2-second window of the measured part, to see where a tail comes from.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { DealChat, SOCKET_PATH, type ClientToServerEvents, type ServerToClientEvents } from '@kezhuan/shared';
import mongoose, { Types } from 'mongoose';
import { io as connect, type Socket } from 'socket.io-client';
import { connectDb } from '../../lib/db';
import { startEmbeddedDatabase } from '../../supervisor/ferretdb';
import { buildUser } from '../../testing/factories';
import { startRedis, startServerProcess, type ServerProcess } from '../../testing/processes';
import { sessionCookie } from '../../testing/socket-client';
import { DealRoomModel } from './deal.model';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '1000' },
    'room-size': { type: 'string', default: '10' },
    rate: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '5' },
    windows: { type: 'boolean', default: false },
    mode: { type: 'string', default: 'both' },
  },
});
const clients = Number(values.clients);
const roomSize = Math.max(2, Number(values['room-size']));
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const warmup = Math.max(0, Number(values.warmup));
const rooms = Math.max(1, Math.floor(clients / roomSize));

type ChatSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
interface Client { socket: ChatSocket; chat: DealChat; room: number }

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function seedRooms(): Promise<{ dealIds: string[]; emails: [string, string][] }> {
  const dealIds: string[] = [];
  const emails: [string, string][] = [];
  for (let r = 0; r < rooms; r++) {
    const [supply, demand] = await Promise.all([buildUser({ role: 'researcher' }), buildUser({ role: 'enterprise' })]);
    const room = await DealRoomModel.create({
      stage: 'negotiation', origin: 'interest', listing: { kind: 'result', id: new Types.ObjectId(), title: `基准成果${r}` },
      supplyOrg: supply.org!, demandOrg: demand.org!, orgs: [supply.org!, demand.org!], openKey: `bench:${r}:${String(new Types.ObjectId())}`,
    });
    dealIds.push(String(room._id));
    emails.push([supply.email, demand.email]);
  }
  return { dealIds, emails };
}

async function connectClients(urls: string[], dealIds: string[], emails: [string, string][]): Promise<Client[]> {
  // Two sessions per room (one per side), made on the first process: sessions are shared through the database.
  const cookies: [string, string][] = [];
  for (let i = 0; i < emails.length; i += 8) {
    cookies.push(...(await Promise.all(emails.slice(i, i + 8).map(async ([s, d]) => [await sessionCookie(urls[0]!, s), await sessionCookie(urls[0]!, d)] as [string, string]))));
  }
  const out: Client[] = [];
  for (let i = 0; i < rooms * roomSize; i += 50) {
    out.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(50, rooms * roomSize - i) }, async (_, k) => {
          const n = i + k;
          const room = n % rooms;
          const side = Math.floor(n / rooms) % 2;
          const socket: ChatSocket = connect(urls[n % urls.length]!, {
            path: SOCKET_PATH, transports: ['websocket'], forceNew: true, extraHeaders: { cookie: cookies[room]![side]! },
          });
          await new Promise<void>((resolve, reject) => {
            socket.once('connect', () => resolve());
            socket.once('connect_error', reject);
          });
          const chat = new DealChat(socket, dealIds[room]!);
          await chat.start();
          return { socket, chat, room };
        }),
      )),
    );
  }
  return out;
}

async function run(label: string, urls: string[]): Promise<string> {
  const { dealIds, emails } = await seedRooms();
  const cs = await connectClients(urls, dealIds, emails);
  const members = new Map<number, number>();
  cs.forEach((c) => members.set(c.room, (members.get(c.room) ?? 0) + 1));
  const sentAt = new Map<string, { t: number; room: number }>();
  const got = new Map<string, number>(); // `${socketIndex}|${messageId}` → deliveries
  const latencies: [sentAt: number, ms: number][] = [];
  let measureFrom = Infinity;
  cs.forEach((c, i) =>
    c.socket.on('deal:message', (m) => {
      const key = `${i}|${m.id}`;
      got.set(key, (got.get(key) ?? 0) + 1);
      const s = sentAt.get(m.clientId);
      if (s && got.get(key) === 1 && s.t >= measureFrom) {
        latencies.push([s.t, performance.now() - s.t]);
      }
    }),
  );
  const total = Math.round(rate * seconds);
  const warmupCount = Math.round(rate * warmup);
  const acks: Promise<unknown>[] = [];
  const ids: { id: string; room: number }[] = [];
  const start = performance.now();
  const t0 = start + warmup * 1000;
  let load0 = loadavg()[0]!;
  for (let k = 0; k < warmupCount + total; k++) {
    const due = start + (k * 1000) / rate;
    if (k === warmupCount) {
      measureFrom = due;
      load0 = loadavg()[0]!;
    }
    const wait = due - performance.now();
    if (wait > 1) {
      await new Promise((r) => setTimeout(r, wait));
    }
    const c = cs[(k * 7919) % cs.length]!;
    const clientId = `bench-${k}-${Math.random().toString(36).slice(2, 10)}`;
    sentAt.set(clientId, { t: performance.now(), room: c.room });
    acks.push(c.chat.send(`消息 ${k}`, clientId).then((m) => ids.push({ id: m.id, room: c.room })));
  }
  await Promise.all(acks);
  await new Promise((r) => setTimeout(r, 3_000)); // stragglers
  const load1 = loadavg()[0]!;
  let expected = 0;
  let lost = 0;
  let duplicated = 0;
  for (const { id, room } of ids) {
    cs.forEach((c, i) => {
      if (c.room !== room) {
        return;
      }
      expected += 1;
      const n = got.get(`${i}|${id}`) ?? 0;
      lost += n === 0 ? 1 : 0;
      duplicated += Math.max(0, n - 1);
    });
  }
  cs.forEach((c) => c.socket.close());
  const f = (x: number) => x.toFixed(1);
  if (values.windows) {
    const byWindow = new Map<number, number[]>();
    latencies.forEach(([t, ms]) => {
      const w = Math.floor((t - t0) / 2000) * 2;
      byWindow.set(w, [...(byWindow.get(w) ?? []), ms]);
    });
    [...byWindow].sort((a, b) => a[0] - b[0]).forEach(([w, ms]) => {
      ms.sort((a, b) => a - b);
      console.log(`${label} ${w}–${w + 2} s: n ${ms.length}, p50 ${f(pct(ms, 50))}, p99 ${f(pct(ms, 99))}, max ${f(ms[ms.length - 1]!)}`);
    });
  }
  const sorted = latencies.map(([, ms]) => ms).sort((a, b) => a - b);
  const measured = `${total} in ${seconds} s (+${warmupCount} warm-up)`;
  return `| ${label} | ${cs.length} | ${rooms} | ${measured} | ${sorted.length} of ${expected} | ${f(pct(sorted, 50))} | ${f(pct(sorted, 95))} | ${f(pct(sorted, 99))} | ${lost} | ${duplicated} | ${load0.toFixed(1)} → ${load1.toFixed(1)} |`;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kz-chat-bench-'));
  const db = process.env.MONGODB_URI ? undefined : await startEmbeddedDatabase({ dataDir: join(dir, 'db') });
  const uri = process.env.MONGODB_URI ?? db!.uri;
  const dbName = `bench_chat_${Date.now()}`;
  await connectDb(uri, dbName);
  const base = { MONGODB_URI: uri, MONGODB_DB: dbName, SESSION_SECRET: 'bench-secret-bench-secret-bench-secret', LOG_LEVEL: 'error' };
  const rows: string[] = [];
  const nodes: ServerProcess[] = [];
  let redis: Awaited<ReturnType<typeof startRedis>> | undefined;
  try {
    if (values.mode !== 'two') {
      const one = await startServerProcess({ ...base, DATA_DIR: join(dir, 'n1') });
      nodes.push(one);
      rows.push(await run('1 process', [one.url]));
      await one.stop();
    }
    if (values.mode !== 'one') {
      redis = await startRedis();
      const pair = await Promise.all([1, 2].map((n) => startServerProcess({ ...base, DATA_DIR: join(dir, `p${n}`), REDIS_URL: redis!.url })));
      nodes.push(...pair);
      rows.push(await run('2 processes + Redis', pair.map((p) => p.url)));
    }
  } finally {
    await Promise.all(nodes.map((n) => n.stop()));
    redis?.proc.kill('SIGKILL');
    await mongoose.connection.dropDatabase().catch(() => undefined);
    await mongoose.disconnect();
    await db?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\nDeal-room chat, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}); latency send → each member's deal:message, ms\n`);
  console.log('| setup | clients | rooms | messages | deliveries timed | p50 | p95 | p99 | lost | duplicated | load avg (1 min) |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  rows.forEach((r) => console.log(r));
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
