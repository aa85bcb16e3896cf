import { randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { freePort, spawnSupervised, waitReady, type SupervisedChild } from './child';

export interface ManagedMeili {
  host: string;
  masterKey: string;
  child: SupervisedChild;
}

function isExecutable(p: string): boolean {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Meilisearch binary to run: `MEILI_BIN` if given, else `meilisearch` on PATH, else none. */
export function findMeiliBinary(meiliBin: string | undefined, pathEnv = process.env.PATH ?? ''): string | undefined {
  if (meiliBin) {
    return isExecutable(meiliBin) ? meiliBin : undefined;
  }
  for (const dir of pathEnv.split(delimiter)) {
    const p = join(dir, 'meilisearch');
    if (dir && isExecutable(p)) {
      return p;
    }
  }
  return undefined;
}

/** The master key kept in the data folder (generated on first use, readable by the owner only). */
function masterKeyFor(dir: string): string {
  const file = join(dir, 'master-key');
  if (existsSync(file)) {
    return readFileSync(file, 'utf8').trim();
  }
  // Hex: a base64 key may start with '-', which the command line would read as an option.
  const key = randomBytes(24).toString('hex');
  writeFileSync(file, key + '\n', { mode: 0o600 });
  return key;
}

/** Starts Meilisearch bound to 127.0.0.1 with its data and key under `dataDir/meili`. */
export async function startManagedMeili(opts: { bin: string; dataDir: string; production: boolean }): Promise<ManagedMeili> {
  const dir = join(opts.dataDir, 'meili');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const masterKey = masterKeyFor(dir);
  const port = await freePort();
  const host = `http://127.0.0.1:${port}`;
  const args = [
    '--db-path', join(dir, 'data.ms'),
    '--http-addr', `127.0.0.1:${port}`,
    '--no-analytics',
    '--env', opts.production ? 'production' : 'development',
  ];
  // The key goes in the environment, not argv, so it does not show in the process list.
  const child = spawnSupervised('Meilisearch', opts.bin, args, { cwd: dir, env: { ...process.env, MEILI_MASTER_KEY: masterKey } });
  await waitReady(
    child,
    async () => (await fetch(`${host}/health`, { signal: AbortSignal.timeout(1000) })).ok,
    30_000,
  );
  return { host, masterKey, child };
}
