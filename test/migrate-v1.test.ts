/**
 * `npm run db:migrate-v1`: a data folder made by the FerretDB v1/SQLite version of the platform
 * (written here by the real FerretDB v1 binary) moves into the managed PostgreSQL database with
 * every collection, document and index; the server, started on such a folder before migrating,
 * says to run the command and seeds no demo data over it; a second run refuses to copy twice.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import mongoose from 'mongoose';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedDatabase } from '../server/src/supervisor/ferretdb';
import { startV1 } from '../server/src/supervisor/migrate-v1';
import { ROOT, startPlatform } from './support/platform';

const { MongoClient } = mongoose.mongo;
const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), 'kz-migrate-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function migrate(): Promise<{ code: number; out: string }> {
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', DATA_DIR: dataDir, LOG_LEVEL: 'error' };
  try {
    const r = await run(process.execPath, ['--import', 'tsx', resolve(ROOT, 'server/src/cli/migrate-v1.ts')], { cwd: ROOT, env, timeout: 240_000 });
    return { code: 0, out: `${r.stdout}\n${r.stderr}` };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, out: `${e.stdout ?? ''}\n${e.stderr ?? ''}` };
  }
}

const listings = Array.from({ length: 1203 }, (_, i) => ({
  _id: new mongoose.Types.ObjectId(),
  orgId: `org${i % 7}`,
  status: i % 3 === 0 ? 'published' : 'draft',
  title: `成果 ${i}`,
  tags: ['玉米', `t${i % 5}`],
  nested: { n: i, at: new Date(Date.UTC(2025, 0, 1 + (i % 300))) },
}));

describe.skipIf(Boolean(process.env.MONGODB_URI))('migrating a FerretDB v1 data folder', () => {
  it('copies every collection, document and index into the new database and checks the counts', { timeout: 600_000 }, async () => {
    // 1. An old data folder, written by FerretDB v1 itself.
    const v1 = await startV1(dataDir);
    const old = await MongoClient.connect(v1.uri);
    try {
      const k = old.db('kezhuan');
      await k.collection('users').createIndex({ email: 1 }, { unique: true });
      await k.collection('users').insertMany([
        { email: 'a@example.cn', phone: '13600000001', displayName: '甲' },
        { email: 'b@example.cn', phone: '13600000002', displayName: '乙' },
      ]);
      await k.collection('pilotlistings').createIndex({ orgId: 1, updatedAt: -1 });
      await k.collection('pilotlistings').createIndex({ status: 1, 'nested.at': -1 }, { name: 'status_when' });
      await k.collection('pilotlistings').insertMany(listings);
      await k.collection('pilotempty').createIndex({ key: 1 }, { unique: true }); // (FerretDB v1 keeps no `sparse`)
      await old.db('otherdb').collection('notes').insertOne({ text: '第二个数据库' });
    } finally {
      await old.close();
      await v1.stop();
    }

    // 2. The server on that folder says what to do and puts no demo data over it.
    const p = await startPlatform({ DATA_DIR: dataDir, SERVE_CLIENT: 'false', SEED_DEMO: 'true' });
    try {
      // The log lines may arrive just after the ready line.
      await expect.poll(() => p.output.join('\n'), { timeout: 10_000 }).toContain('demo data not seeded');
      expect(p.output.join('\n')).toContain('npm run db:migrate-v1');
    } finally {
      await p.stop();
    }

    // 3. The migration.
    const m = await migrate();
    expect(m.code, m.out).toBe(0);
    expect(m.out).toContain('every count matches');

    // 4. What is in the new database.
    const db = await startEmbeddedDatabase({ dataDir });
    const now = await MongoClient.connect(db.uri);
    try {
      const k = now.db('kezhuan');
      expect(await k.collection('users').countDocuments()).toBe(2);
      expect(await k.collection('pilotlistings').countDocuments()).toBe(listings.length);
      expect(await now.db('otherdb').collection('notes').findOne({}, { projection: { _id: 0 } })).toEqual({ text: '第二个数据库' });
      const sample = listings[777]!;
      expect(await k.collection('pilotlistings').findOne({ _id: sample._id })).toEqual(sample);
      const names = async (c: string) => (await k.collection(c).listIndexes().toArray()).map((i) => ({ name: i.name as string, key: i.key as unknown, unique: Boolean(i.unique), sparse: Boolean(i.sparse) }));
      expect(await names('pilotlistings')).toEqual(
        expect.arrayContaining([
          { name: 'orgId_1_updatedAt_-1', key: { orgId: 1, updatedAt: -1 }, unique: false, sparse: false },
          { name: 'status_when', key: { status: 1, 'nested.at': -1 }, unique: false, sparse: false },
        ]),
      );
      expect(await names('pilotempty')).toContainEqual({ name: 'key_1', key: { key: 1 }, unique: true, sparse: false });
      // The unique index works in the new database.
      await expect(k.collection('users').insertOne({ email: 'a@example.cn', phone: '13600000003' })).rejects.toMatchObject({ code: 11000 });
    } finally {
      await now.close();
      await db.stop();
    }

    // 5. Running it again copies nothing twice.
    const again = await migrate();
    expect(again.code).toBe(1);
    expect(again.out).toContain('already holds');
  });
});
