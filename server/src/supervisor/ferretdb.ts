import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSupervised, type SupervisedChild } from './child';
import { startManagedPostgres, v1DataFiles } from './postgres';

export const FERRETDB_VERSION = 'v2.7.0';
/** What `/api/health` and the start-up log call the managed default. */
export const EMBEDDED_DB_KIND = 'ferretdb2-documentdb';
const here = dirname(fileURLToPath(import.meta.url));
/** Where `scripts/build-ferretdb.mjs` puts the binary. */
export const DEFAULT_FERRETDB_BIN = resolve(here, '../../ferretdb/bin/kezhuan-ferretdb');

export interface EmbeddedDb {
  /** mongodb:// URI for Mongoose. */
  uri: string;
  kind: typeof EMBEDDED_DB_KIND;
  /** e.g. "FerretDB v2.7.0 on PostgreSQL 15.20 + DocumentDB 0.107-0" */
  description: string;
  /** FerretDB first, then PostgreSQL: stop them in this order (`stop()` does). */
  children: SupervisedChild[];
  /** SQLite files of the FerretDB v1 era in DATA_DIR/db (to migrate with `npm run db:migrate-v1`). */
  v1Files: string[];
  stop(): Promise<void>;
}

/** Starts FerretDB v2 on a free loopback port, talking to PostgreSQL at `pgUrl`; resolves with its URI. */
export async function startFerretDb(opts: { pgUrl: string; stateDir: string; bin?: string; timeoutMs?: number }): Promise<{ uri: string; child: SupervisedChild }> {
  const bin = opts.bin ?? DEFAULT_FERRETDB_BIN;
  if (!existsSync(bin)) {
    throw new Error(
      [
        `The embedded database front end is not built (${bin} is missing).`,
        'Run `npm install` (it builds FerretDB with Go; install Go 1.25+ first, https://go.dev/dl),',
        'or set MONGODB_URI to use an existing MongoDB server.',
      ].join('\n'),
    );
  }
  mkdirSync(opts.stateDir, { recursive: true, mode: 0o700 });
  // The URL holds the password: environment, not argv (argv shows in the process list).
  const child = spawnSupervised('FerretDB', bin, ['-listen', '127.0.0.1:0', '-state', opts.stateDir, '-log-level', 'error'], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', KEZHUAN_PG_URL: opts.pgUrl },
  });
  const uri = await new Promise<string>((res, rej) => {
    let buf = '';
    const timer = setTimeout(() => {
      void child.stop(1000);
      rej(new Error(`FerretDB was not ready after ${opts.timeoutMs ?? 30_000} ms:\n${child.tail()}`));
    }, opts.timeoutMs ?? 30_000);
    const onData = (chunk: Buffer) => {
      buf += chunk.toString('utf8');
      const m = /^ready (mongodb:\/\/\S+)$/m.exec(buf);
      if (m) {
        clearTimeout(timer);
        child.child.stdout?.off('data', onData);
        res(m[1]!);
      }
    };
    child.child.stdout?.on('data', onData);
    child.child.once('exit', (code) => {
      clearTimeout(timer);
      rej(new Error(`FerretDB exited during start-up (code ${String(code)}):\n${child.tail()}`));
    });
  });
  return { uri, child };
}

/**
 * The default database when MONGODB_URI is unset: the managed PostgreSQL cluster in `dataDir/pg`
 * (see ./postgres.ts) and FerretDB v2 in front of it on 127.0.0.1.
 */
export async function startEmbeddedDatabase(opts: { dataDir: string; bin?: string; log?: (m: string) => void }): Promise<EmbeddedDb> {
  const pg = await startManagedPostgres({ dir: join(opts.dataDir, 'pg'), log: opts.log });
  // A process that only uses the cluster of another (a CLI beside the server) keeps its FerretDB state apart.
  const stateDir = pg.child ? join(opts.dataDir, 'pg', 'ferretdb') : mkdtempSync(join(tmpdir(), 'kz-ferretdb-'));
  let ferret: { uri: string; child: SupervisedChild };
  try {
    ferret = await startFerretDb({ pgUrl: pg.url, stateDir, bin: opts.bin });
  } catch (err) {
    await pg.child?.stop(30_000);
    throw err;
  }
  let stopping: Promise<void> | undefined;
  const pgWho = pg.child ? `pid ${pg.child.pid}` : 'run by another Kezhuan process';
  return {
    uri: ferret.uri,
    kind: EMBEDDED_DB_KIND,
    description: `FerretDB ${FERRETDB_VERSION} on ${pg.version} (PostgreSQL ${pgWho}, port ${pg.port}; FerretDB pid ${ferret.child.pid})`,
    children: pg.child ? [ferret.child, pg.child] : [ferret.child],
    v1Files: v1DataFiles(opts.dataDir),
    stop: () =>
      (stopping ??= (async () => {
        const t0 = Date.now();
        await ferret.child.stop();
        if (pg.child) {
          const t1 = Date.now();
          // Fast shutdown: a checkpoint, so give it time before SIGKILL.
          await pg.child.stop(30_000);
          opts.log?.(`database: stopped FerretDB in ${t1 - t0} ms and PostgreSQL (fast shutdown) in ${Date.now() - t1} ms`);
        } else {
          rmSync(stateDir, { recursive: true, force: true });
        }
      })()),
  };
}
