import { existsSync, mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, spawnSupervised, waitReady, type SupervisedChild } from './child';

export const FERRETDB_VERSION = 'v1.24.2';
const here = dirname(fileURLToPath(import.meta.url));
/** Where `scripts/build-ferretdb.mjs` puts the binary. */
export const DEFAULT_FERRETDB_BIN = resolve(here, '../../ferretdb/bin/kezhuan-ferretdb');

export interface EmbeddedDb {
  uri: string;
  port: number;
  child: SupervisedChild;
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((res) => {
    const s = connect({ host: '127.0.0.1', port }, () => {
      s.end();
      res(true);
    });
    s.on('error', () => res(false));
  });
}

/** Starts FerretDB (SQLite backend) on a free loopback port with its files under `dataDir`. */
export async function startEmbeddedFerretDb(opts: { dataDir: string; bin?: string; port?: number }): Promise<EmbeddedDb> {
  const bin = opts.bin ?? DEFAULT_FERRETDB_BIN;
  if (!existsSync(bin)) {
    throw new Error(
      [
        `The embedded database is not built (${bin} is missing).`,
        'Run `npm install` (it builds FerretDB with Go; install Go 1.24+ first, e.g. `apt-get install -y golang-go`),',
        'or set MONGODB_URI to use an existing MongoDB server.',
      ].join('\n'),
    );
  }
  const dir = join(opts.dataDir, 'db');
  mkdirSync(dir, { recursive: true });
  const port = opts.port ?? (await freePort());
  const child = spawnSupervised('FerretDB', bin, ['-listen', `127.0.0.1:${port}`, '-data', dir, '-log-level', 'error']);
  await waitReady(child, () => canConnect(port), 20_000);
  return { uri: `mongodb://127.0.0.1:${port}/`, port, child };
}
