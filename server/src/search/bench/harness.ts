/**
 * What the measurement scripts stand on: a temporary folder, the real default database (FerretDB 2
 * on a managed PostgreSQL, started as children)
 * (or MONGODB_URI), Meilisearch when one is available (MEILI_HOST, else ../shared/bin/meilisearch
 * or MEILI_BIN started as a child), and a cleanup that stops the children and removes the folder,
 * also on Ctrl-C. Children run under `setpriv --pdeathsig`, so they die with us even on kill -9.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request, Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import mongoose from 'mongoose';
import { connectDb } from '../../lib/db';
import type { SupervisedChild } from '../../supervisor/child';
import { startEmbeddedDatabase } from '../../supervisor/ferretdb';
import { findMeiliBinary, startManagedMeili } from '../../supervisor/meilisearch';

const GIVEN_MEILI = resolve(import.meta.dirname, '../../../../../shared/bin/meilisearch');

export interface Harness {
  dir: string;
  /** Meilisearch to use, or why there is none. */
  meili: { host: string; key: string; how: string } | { host: null; why: string };
  close(): Promise<void>;
}

/** Starts FerretDB (unless MONGODB_URI is set) and connects Mongoose when a database is named; Meilisearch when asked and available. */
export async function startHarness(opts: { meili: boolean; dbName?: string; dir?: string }): Promise<Harness> {
  // A given folder is kept (tuning runs reuse their indexes); a temporary one is removed.
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'kz-bench-'));
  const children: SupervisedChild[] = [];
  let stopDb: () => Promise<void> = () => Promise.resolve();
  let closing: Promise<void> | undefined;
  // One cleanup, however many callers (the script's finally, a signal) ask for it.
  const close = () =>
    (closing ??= (async () => {
      await mongoose.disconnect().catch(() => undefined);
      await Promise.all([...children.map((c) => c.stop()), stopDb()]);
      if (!opts.dir) {
        rmSync(dir, { recursive: true, force: true });
      }
    })());
  const onSignal = (sig: NodeJS.Signals) => {
    void close().finally(() => process.exit(sig === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    if (opts.dbName) {
      let uri = process.env.MONGODB_URI;
      if (!uri) {
        const db = await startEmbeddedDatabase({ dataDir: dir, bin: process.env.FERRETDB_BIN });
        stopDb = db.stop;
        uri = db.uri;
      }
      await connectDb(uri, opts.dbName);
    }
    let meili: Harness['meili'] = { host: null, why: 'not asked for' };
    if (opts.meili) {
      const bin = findMeiliBinary(process.env.MEILI_BIN) ?? (existsSync(GIVEN_MEILI) ? GIVEN_MEILI : undefined);
      if (process.env.MEILI_HOST) {
        meili = { host: process.env.MEILI_HOST, key: process.env.MEILI_MASTER_KEY ?? '', how: 'MEILI_HOST' };
      } else if (bin) {
        const m = await startManagedMeili({ bin, dataDir: dir, production: false });
        children.push(m.child);
        meili = { host: m.host, key: m.masterKey, how: `${bin}, started for this run` };
      } else {
        meili = { host: null, why: 'MEILI_HOST is not set and no meilisearch binary was found (MEILI_BIN, PATH, ../shared/bin)' };
      }
    }
    return { dir, meili, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/**
 * GET of a JSON document over a keep-alive connection (Node's fetch stalls here: see the design notes).
 * A request with no answer after `timeoutMs` fails naming its path, instead of stalling the run.
 */
export function keepAliveGetter(base: string, timeoutMs = 120_000): { get: (path: string) => Promise<unknown>; close: () => void } {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const get = (path: string) =>
    new Promise<unknown>((res, rej) => {
      const req = request(`${base}${path}`, { agent, headers: { accept: 'application/json' } }, (r) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          if ((r.statusCode ?? 500) >= 400) {
            rej(new Error(`GET ${path}: ${r.statusCode} ${body.slice(0, 300)}`));
          } else {
            res(JSON.parse(body));
          }
        });
        r.on('error', rej);
      });
      req.setTimeout(timeoutMs, () => req.destroy(new Error(`GET ${path}: no answer in ${timeoutMs} ms`)));
      req.on('error', rej);
      req.end();
    });
  return { get, close: () => agent.destroy() };
}

/** The p-th percentile (0–1) of a list of numbers. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) {
    return NaN;
  }
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

