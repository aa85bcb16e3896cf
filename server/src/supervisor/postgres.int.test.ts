/**
 * The managed PostgreSQL cluster on its own (no platform around it): it comes back after its
 * postmaster is killed (stale postmaster.pid, crash recovery), a second process of the platform on
 * the same folder shares the running cluster instead of fighting over it, and the password stays
 * in a file only its owner reads. Skipped where MONGODB_URI is set (no managed database there).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import mongoose from 'mongoose';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedDatabase } from './ferretdb';

const { MongoClient } = mongoose.mongo;

const dir = mkdtempSync(join(tmpdir(), 'kz-pg-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function withClient<T>(uri: string, fn: (c: InstanceType<typeof MongoClient>) => Promise<T>): Promise<T> {
  const c = await MongoClient.connect(uri, { serverSelectionTimeoutMS: 10_000 });
  try {
    return await fn(c);
  } finally {
    await c.close();
  }
}

function gone(pid: number): boolean {
  try {
    return /\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

describe.skipIf(Boolean(process.env.MONGODB_URI))('managed PostgreSQL cluster', () => {
  it('recovers after its postmaster is killed, and is shared by a second process on the same folder', { timeout: 120_000 }, async () => {
    const logs: string[] = [];
    const first = await startEmbeddedDatabase({ dataDir: dir, log: (m) => logs.push(m) });
    expect(logs.join('\n')).toContain('created a PostgreSQL cluster');
    expect(statSync(join(dir, 'pg', 'password')).mode & 0o777).toBe(0o600);
    await withClient(first.uri, (c) => c.db('t').collection('things').insertMany([{ n: 1 }, { n: 2 }]));

    // kill -9 of PostgreSQL itself: postmaster.pid stays behind, the data needs crash recovery.
    const postmaster = first.children[1]!;
    process.kill(postmaster.pid, 'SIGKILL');
    while (!gone(postmaster.pid)) {
      await sleep(50);
    }
    await first.stop();
    expect(existsSync(join(dir, 'pg', 'data', 'postmaster.pid'))).toBe(true);

    const again: string[] = [];
    const second = await startEmbeddedDatabase({ dataDir: dir, log: (m) => again.push(m) });
    try {
      expect(again.join('\n')).not.toContain('created a PostgreSQL cluster');
      expect(await withClient(second.uri, (c) => c.db('t').collection('things').countDocuments())).toBe(2);

      // A CLI started beside the server uses the running cluster (no second postmaster).
      const shared: string[] = [];
      const cli = await startEmbeddedDatabase({ dataDir: dir, log: (m) => shared.push(m) });
      expect(shared.join('\n')).toContain('already running on this folder');
      expect(cli.children).toHaveLength(1); // its own FerretDB only
      await withClient(cli.uri, (c) => c.db('t').collection('things').insertOne({ n: 3 }));
      await cli.stop();
      // … and stopping it leaves the server's cluster running.
      expect(await withClient(second.uri, (c) => c.db('t').collection('things').countDocuments())).toBe(3);
    } finally {
      await second.stop();
    }
    expect(second.children.every((c) => gone(c.pid))).toBe(true);
    expect(existsSync(join(dir, 'pg', 'data', 'postmaster.pid'))).toBe(false);
  });
});
