/**
 * The platform's private PostgreSQL 15 cluster (with the DocumentDB extension, the engine under
 * FerretDB 2), kept under `DATA_DIR/pg`:
 *
 *   pg/data/      the cluster (initdb on first start; owned by the `postgres` system user when we run as root)
 *   pg/password   the generated password of the cluster's `kezhuan` role (mode 0600, our user only)
 *
 * The postmaster runs in the foreground as our child, on 127.0.0.1 and a free port (no Unix socket),
 * with password (SCRAM) authentication; its settings file (`data/kezhuan.conf`, mode 0600 in the
 * 0700 data folder) holds the password too, for DocumentDB's connections back to its own server. Its watchdog is the kernel: it is spawned through
 * `setpriv --pdeathsig SIGINT`, so when the Node server dies, even by kill -9, PostgreSQL receives
 * SIGINT, which is its *fast shutdown* (what `pg_ctl stop -m fast` sends); `stop()` sends the same.
 * A start after a crash recovers by itself (PostgreSQL replays its WAL); a stale `postmaster.pid`
 * is removed, and an orphaned postmaster of an earlier run on the same folder is stopped first.
 */
import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { freePort, spawnSupervised, type SupervisedChild } from './child';

const run = promisify(execFile);

/** Where Debian's postgresql-15 puts its programs; PG_BIN_DIR overrides. */
export const DEFAULT_PG_BIN_DIR = '/usr/lib/postgresql/15/bin';
const ROLE = 'kezhuan';

export interface ManagedPostgres {
  /** postgres:// URL with the password, for FerretDB (never log it). */
  url: string;
  port: number;
  /** e.g. "PostgreSQL 15.20 + DocumentDB 0.107-0" */
  version: string;
  dataDir: string;
  /** Absent when another process of the platform runs this cluster and we only use it. */
  child?: SupervisedChild;
}

type RunUser = { name: string; uid: number; gid: number };

const INSTALL_HINT = [
  'Run `npm install` (as root it installs PostgreSQL 15 and the DocumentDB extension; see scripts/install-db.sh),',
  'or set MONGODB_URI to use an existing MongoDB (or FerretDB) server instead.',
].join('\n');

/** The settings we own; rewritten at every start, included from postgresql.conf. */
function settings(password: string): string {
  return [
    '# Written by the Kezhuan server at every start (server/src/supervisor/postgres.ts); edits are lost.',
    "shared_preload_libraries = 'pg_cron,pg_documentdb_core,pg_documentdb'",
    "cron.database_name = 'postgres'",
    // pg_cron runs DocumentDB's jobs (TTL sweeps, index builds) in background workers, so it never
    // needs to log in over TCP (which takes a password here).
    'cron.use_background_workers = on',
    'max_worker_processes = 24',
    // DocumentDB connects back to its own server for some commands (createIndexes): where and how.
    `documentdb.localhost_connection_string = 'host=127.0.0.1 password=${password}'`,
    "listen_addresses = '127.0.0.1'",
    "unix_socket_directories = ''",
    "password_encryption = 'scram-sha-256'",
    'max_connections = 100',
    // Modest for a 2-core / 24 GB machine that also runs Meilisearch and Node.
    "shared_buffers = '256MB'",
    "effective_cache_size = '2GB'",
    "work_mem = '16MB'",
    "maintenance_work_mem = '128MB'",
    "max_wal_size = '1GB'",
    "log_min_messages = 'warning'",
    "log_line_prefix = '%m [%p] '",
    '',
  ].join('\n');
}

function runUser(): RunUser | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    return undefined; // we are already unprivileged: the cluster is ours
  }
  // initdb and postgres refuse to run as root. Debian's postgresql-15 package creates this user.
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('postgres:'));
  if (!line) {
    throw new Error(`PostgreSQL cannot run as root, and there is no 'postgres' system user to run it as.\n${INSTALL_HINT}`);
  }
  const [, , uid, gid] = line.split(':');
  return { name: 'postgres', uid: Number(uid), gid: Number(gid) };
}

/** Lets `user` reach `dir` through its parents (search permission only, o+x), where it cannot yet. */
function makeTraversable(dir: string, user: RunUser, log: (m: string) => void): void {
  for (let d = dir; ; d = dirname(d)) {
    const st = statSync(d);
    if (!(st.mode & 0o001) && st.uid !== user.uid) {
      chmodSync(d, st.mode | 0o001);
      log(`database: gave others search permission (o+x) on ${d} so that the '${user.name}' user reaches its cluster`);
    }
    if (dirname(d) === d) {
      return;
    }
  }
}

function secretIn(file: string): string {
  if (existsSync(file)) {
    return readFileSync(file, 'utf8').trim();
  }
  const pw = randomBytes(24).toString('hex');
  writeFileSync(file, pw + '\n', { mode: 0o600 });
  return pw;
}

/** Runs a program as the cluster's user (synchronously; only for initdb). */
function runAs(user: RunUser | undefined, cmd: string, args: string[]): { status: number | null; out: string } {
  const [file, argv] = user ? ['/usr/bin/setpriv', [`--reuid=${user.uid}`, `--regid=${user.gid}`, '--init-groups', '--', cmd, ...args]] : [cmd, args];
  const r = spawnSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8' } });
  return { status: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

function initCluster(data: string, password: string, bin: string, user: RunUser | undefined, log: (m: string) => void): void {
  // A first start that died half-way leaves a folder initdb refuses: start that one again.
  rmSync(data, { recursive: true, force: true });
  mkdirSync(data, { recursive: true, mode: 0o700 });
  if (user) {
    chownSync(data, user.uid, user.gid);
  }
  const t0 = Date.now();
  // initdb reads the password from a file (stdin is a socket here, which it cannot open by name).
  const pwFile = join(dirname(data), '.initdb-password');
  writeFileSync(pwFile, password + '\n', { mode: 0o600 });
  if (user) {
    chownSync(pwFile, user.uid, user.gid);
  }
  let r: { status: number | null; out: string };
  try {
    r = runAs(user, join(bin, 'initdb'), ['-D', data, '-U', ROLE, `--pwfile=${pwFile}`, '-A', 'scram-sha-256', '-E', 'UTF8', '--locale=C.UTF-8', '--no-instructions']);
  } finally {
    rmSync(pwFile, { force: true });
  }
  if (r.status !== 0) {
    rmSync(data, { recursive: true, force: true });
    throw new Error(`initdb failed (exit ${String(r.status)}):\n${r.out}`);
  }
  appendFileSync(join(data, 'postgresql.conf'), "\ninclude_if_exists = 'kezhuan.conf'\n");
  log(`database: created a PostgreSQL cluster in ${data}${user ? ` (owned by the '${user.name}' user)` : ''} in ${Date.now() - t0} ms`);
}

function isPostgresProcess(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/\) Z /.test(stat) && /\((postgres|postmaster)\)/.test(stat);
  } catch {
    return false;
  }
}

/** The parent's pid; 0 when the process is gone. */
function parentOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return 0;
  }
}

/**
 * Before starting: a postmaster.pid whose process is gone (or is not PostgreSQL) is removed; a
 * postmaster of an earlier run that outlived its server (its parent is gone) gets a fast shutdown;
 * a ready one that still has a parent belongs to another running process of the platform (the
 * server, while a CLI starts): that one is returned, to be shared. One that is starting or stopping
 * is waited for.
 */
async function clearStaleLock(data: string, log: (m: string) => void): Promise<{ pid: number; port: number } | undefined> {
  const lock = join(data, 'postmaster.pid');
  const deadline = Date.now() + 30_000;
  let signalled = 0;
  for (;;) {
    let lines: string[];
    try {
      lines = readFileSync(lock, 'utf8').split('\n');
    } catch {
      return undefined;
    }
    const pid = Number(lines[0]);
    if (!Number.isInteger(pid) || pid <= 0 || !isPostgresProcess(pid)) {
      rmSync(lock, { force: true });
      log('database: removed a stale postmaster.pid (the previous run did not stop cleanly; PostgreSQL recovers from its WAL)');
      return undefined;
    }
    const ppid = parentOf(pid);
    const orphan = ppid === 1 || !isAliveNonZombie(ppid);
    if (orphan && signalled !== pid) {
      log(`database: stopping PostgreSQL process ${pid} left over from an earlier run`);
      try {
        process.kill(pid, 'SIGINT');
      } catch {
        // it ended meanwhile
      }
      signalled = pid;
    } else if (!orphan && (lines[7] ?? '').trim() === 'ready') {
      return { pid, port: Number(lines[3]) };
    }
    if (Date.now() > deadline) {
      throw new Error(`PostgreSQL process ${pid} on ${data} did not stop or become ready within 30 s; stop it, then start again`);
    }
    await sleep(100);
  }
}

function isAliveNonZombie(pid: number): boolean {
  try {
    return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** postmaster.pid's 8th line says "ready" once the cluster accepts connections. */
function pmStatus(data: string): string {
  try {
    return (readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[7] ?? '').trim();
  } catch {
    return '';
  }
}

async function waitForReady(child: SupervisedChild, data: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.child.exitCode !== null || child.child.signalCode !== null) {
      throw new Error(`PostgreSQL exited during start-up (code ${String(child.child.exitCode)}):\n${child.tail()}`);
    }
    if (pmStatus(data) === 'ready') {
      return;
    }
    await sleep(50);
  }
  await child.stop(5000);
  throw new Error(`PostgreSQL was not ready after ${timeoutMs} ms:\n${child.tail()}`);
}

/** The DocumentDB extension's files in PostgreSQL's folders (scripts/install-db.sh puts them there). */
function checkInstalled(bin: string): void {
  const missing = ['postgres', 'initdb', 'psql'].filter((p) => !existsSync(join(bin, p)));
  if (missing.length > 0) {
    throw new Error(`PostgreSQL 15 is not installed (${missing.map((p) => join(bin, p)).join(', ')} missing).\n${INSTALL_HINT}`);
  }
  const lib = resolve(bin, '../lib');
  if (!existsSync(join(lib, 'pg_documentdb.so'))) {
    throw new Error(`The DocumentDB extension is not installed in PostgreSQL 15 (${join(lib, 'pg_documentdb.so')} is missing).\n${INSTALL_HINT}`);
  }
}

function psql(bin: string, port: number, password: string, sql: string): Promise<{ stdout: string }> {
  return run(join(bin, 'psql'), ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-h', '127.0.0.1', '-p', String(port), '-U', ROLE, '-d', 'postgres', '-c', sql], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', PGPASSWORD: password, PGOPTIONS: '-c client_min_messages=warning', PGCONNECT_TIMEOUT: '10' },
  });
}

/** [server version, documentdb extension version or '-'] */
async function versionsOf(bin: string, port: number, password: string): Promise<string[]> {
  const { stdout } = await psql(bin, port, password, "SELECT split_part(current_setting('server_version'), ' ', 1) || ' ' || coalesce((SELECT extversion FROM pg_extension WHERE extname = 'documentdb'), '-')");
  return stdout.trim().split(' ');
}

function urlFor(password: string, port: number): string {
  return `postgres://${ROLE}:${password}@127.0.0.1:${port}/postgres`;
}

/** Starts (creating on first use) the cluster under `dir`, with the documentdb extension created. */
export async function startManagedPostgres(opts: { dir: string; binDir?: string; log?: (m: string) => void }): Promise<ManagedPostgres> {
  const bin = opts.binDir ?? process.env.PG_BIN_DIR ?? DEFAULT_PG_BIN_DIR;
  const log = opts.log ?? (() => undefined);
  checkInstalled(bin);
  const dir = resolve(opts.dir);
  const data = join(dir, 'data');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const user = runUser();
  if (user) {
    makeTraversable(dir, user, log);
  }
  const password = secretIn(join(dir, 'password'));
  if (!existsSync(join(data, 'PG_VERSION'))) {
    initCluster(data, password, bin, user, log);
  }
  const conf = join(data, 'kezhuan.conf');
  writeFileSync(conf, settings(password), { mode: 0o600 });
  if (user) {
    chownSync(conf, user.uid, user.gid);
  }
  const running = await clearStaleLock(data, log);
  if (running) {
    const [pgVersion, docdb] = await versionsOf(bin, running.port, password);
    log(`database: PostgreSQL is already running on this folder (pid ${running.pid}, started by another Kezhuan process): using it`);
    return { url: urlFor(password, running.port), port: running.port, version: `PostgreSQL ${pgVersion} + DocumentDB ${docdb}`, dataDir: data };
  }

  const port = await freePort();
  const child = spawnSupervised('PostgreSQL', join(bin, 'postgres'), ['-D', data, '-p', String(port)], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8' },
    user,
    deathSignal: 'SIGINT',
    stopSignal: 'SIGINT',
  });
  try {
    await waitForReady(child, data, 60_000);
    const versions = () => versionsOf(bin, port, password);
    let [pgVersion, docdb] = await versions();
    if (docdb === '-') {
      const t0 = Date.now();
      await psql(bin, port, password, 'CREATE EXTENSION IF NOT EXISTS documentdb CASCADE');
      [pgVersion, docdb] = await versions();
      log(`database: created the DocumentDB extension (${String(docdb)}) in ${Date.now() - t0} ms`);
    }
    return {
      url: urlFor(password, port),
      port,
      version: `PostgreSQL ${pgVersion ?? '?'} + DocumentDB ${docdb ?? '?'}`,
      dataDir: data,
      child,
    };
  } catch (err) {
    await child.stop(10_000);
    throw err;
  }
}

/** True when `dir` holds a cluster made by startManagedPostgres. */
export function hasManagedCluster(dir: string): boolean {
  return existsSync(join(dir, 'data', 'PG_VERSION'));
}

/** The SQLite files FerretDB v1 (the platform's database before PostgreSQL) left in `DATA_DIR/db`. */
export function v1DataFiles(dataDir: string): string[] {
  const dir = join(dataDir, 'db');
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.sqlite')).map((f) => join(dir, f));
  } catch {
    return [];
  }
}
