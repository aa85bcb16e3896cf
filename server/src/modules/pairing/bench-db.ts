/**
 * `npm run bench:pairing -- --db`: the whole run through the run service against a real database (the
 * embedded FerretDB 2 on PostgreSQL/DocumentDB, started in a temporary folder): the instance is stored
 * as approved commissioners and open requests, then `startRun` reads, scores, solves and stores it and
 * records its own timings, which this prints. Then the run is confirmed (confirm.service.ts: pairings,
 * requests leave the pool, both sides of every pair notified in one bulk, notifyMany), timed; and for
 * comparison the same number of notifications to the same users stored the way confirm did before
 * (notify() one at a time, 20 at once), with other keys.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pairingRunInput } from '@kezhuan/shared';
import mongoose, { Types } from 'mongoose';
import { connectDb } from '../../lib/db';
import { startEmbeddedDatabase } from '../../supervisor/ferretdb';
import { CommissionerModel } from '../commissioners/commissioner.model';
import { ServiceRequestModel } from '../service-requests/service-request.model';
import { UserModel } from '../users/user.model';
import type { RealInstance } from './bench-real';
import { notifyMany } from '../notifications/notification.bulk';
import { notify } from '../notifications/notification.service';
import { confirmRun } from './confirm.service';
import { PairingModel } from './pairing.model';
import { PairingRunModel, type PairingRunRecord } from './run.model';
import { runSettled, startRun } from './run.service';

export interface ConfirmBench {
  confirmMs: number;
  confirmed: number;
  /** The same count of notifications stored one notify() at a time (the path before notifyMany). */
  oneByOneMs: number;
  /** And once more with notifyMany alone (other keys): the notifications' share of the confirm. */
  bulkMs: number;
  notifications: number;
}

const benchNote = (key: string) => ({ kind: 'pairing.match' as const, key, link: '/me/pairings', title: '您已配对', titleEn: 'You are paired', body: '请接受或谢绝。', bodyEn: 'Please accept or decline.' });

/** Stores one notification per (user, key) the old way: notify() each, 20 at once. */
async function notifyOneByOne(users: Types.ObjectId[]): Promise<void> {
  for (let k = 0; k < users.length; k += 20) {
    await Promise.all(users.slice(k, k + 20).map((u, i) => notify(u, benchNote(`bench:${k + i}`))));
  }
}

export async function benchRunOnDb(inst: RealInstance, term: number): Promise<{ run: PairingRunRecord; seedMs: number; wallMs: number; db: string; confirm: ConfirmBench }> {
  const dir = mkdtempSync(join(tmpdir(), 'kz-bench-'));
  const db = await startEmbeddedDatabase({ dataDir: dir });
  try {
    await connectDb(db.uri, 'bench_pairing');
    const t0 = performance.now();
    const ids = new Map<string, Types.ObjectId>();
    const idOf = (key: string) => ids.get(key) ?? ids.set(key, new Types.ObjectId()).get(key)!;
    const now = new Date();
    const commissioners = inst.commissioners.map((c) => ({
      _id: idOf(c.id), user: new Types.ObjectId(), org: idOf(`org:${c.org}`), term, status: 'approved', expertise: c.expertise, keywords: c.keywords,
      disciplines: c.disciplines, industries: c.industries, cities: c.cities, counties: c.counties, serveCities: c.cities, capacity: c.capacity,
      stakes: c.stakes.map((s) => idOf(`org:${String(s)}`)), orgStakes: [], submittedAt: now, approvedAt: now, createdAt: now, updatedAt: now,
    }));
    const requests = inst.requests.map((r, i) => ({
      org: idOf(`org:${r.org}`), owner: new Types.ObjectId(), status: 'open', title: r.title, problem: r.problem, industry: r.industry, city: r.city,
      county: r.county, keywords: r.keywords, urgency: 'normal', preferred: r.preferred.map((p) => idOf(String(p))), excluded: r.excluded.map((p) => idOf(String(p))),
      need: null, openedAt: new Date(now.getTime() - 1_000_000 + i), createdAt: now, updatedAt: now,
    }));
    for (let k = 0; k < commissioners.length; k += 500) {
      await CommissionerModel.collection.insertMany(commissioners.slice(k, k + 500));
    }
    for (let k = 0; k < requests.length; k += 500) {
      await ServiceRequestModel.collection.insertMany(requests.slice(k, k + 500));
    }
    const admin = await UserModel.create({ email: 'bench@kezhuan.test', phone: '13900000000', displayName: 'bench', role: 'admin', passwordHash: 'x', org: null });
    const seedMs = performance.now() - t0;
    const t1 = performance.now();
    const started = await startRun(admin, pairingRunInput.parse({ term }), '127.0.0.1');
    await runSettled(String(started._id));
    const wallMs = performance.now() - t1;
    const run = (await PairingRunModel.findById(started._id).lean<PairingRunRecord>())!;
    const t2 = performance.now();
    const { confirmed } = await confirmRun(admin, String(started._id), '127.0.0.1');
    const confirmMs = performance.now() - t2;
    const paired = await PairingModel.find({ run: started._id }, { commissionerUser: 1, owner: 1 }).lean();
    const users = paired.flatMap((p) => [p.commissionerUser, p.owner]);
    const t3 = performance.now();
    await notifyOneByOne(users);
    const oneByOneMs = performance.now() - t3;
    const t4 = performance.now();
    await notifyMany(users.map((u, i) => ({ user: u, input: benchNote(`bench-bulk:${i}`) })));
    const bulkMs = performance.now() - t4;
    return { run, seedMs, wallMs, db: db.description, confirm: { confirmMs, confirmed, oneByOneMs, bulkMs, notifications: users.length } };
  } finally {
    await mongoose.disconnect().catch(() => undefined);
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
