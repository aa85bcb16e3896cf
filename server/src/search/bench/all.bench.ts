/**
 * `npm run bench`: every search benchmark, one after the other, sharing one Meilisearch (MEILI_HOST,
 * else ../shared/bin/meilisearch or MEILI_BIN started here, else the embedded engine alone):
 * `scale.bench.ts` (10k/100k, embedded vs $regex vs Meilisearch), `engines.bench.ts` (both engines
 * on the 9.7k papers, engine direct), `http.bench.ts` (fetch vs keep-alive; Meilisearch only) and
 * the import benchmark at 10,000 rows (`npm run bench:import` runs 10k and 100k; 100k takes minutes).
 * Arguments go to scale.bench.ts (`npm run bench -- --meili-100k`).
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { startHarness } from './harness';

const here = import.meta.dirname;
const harness = await startHarness({ meili: true });
const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'error' };
if (harness.meili.host !== null) {
  env.MEILI_HOST = harness.meili.host;
  env.MEILI_MASTER_KEY = harness.meili.key;
} else {
  console.error(`Meilisearch: not measured (${harness.meili.why})`);
}

/** Runs a benchmark in its own Node process (tsx), output straight to ours; resolves with its exit code. */
function run(file: string, argv: string[] = []): Promise<number> {
  console.log(`\n## ${file} ${argv.join(' ')}\n`);
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(here, file), ...argv], { env, stdio: 'inherit' });
  return new Promise((res) => child.once('exit', (code) => res(code ?? 1)));
}

let failed = 0;
try {
  failed += (await run('scale.bench.ts', process.argv.slice(2))) === 0 ? 0 : 1;
  failed += (await run('engines.bench.ts', ['1', '500'])) === 0 ? 0 : 1;
  if (env.MEILI_HOST) {
    failed += (await run('http.bench.ts', ['300'])) === 0 ? 0 : 1;
  }
  failed += (await run('../../modules/imports/import.bench.ts', ['10000'])) === 0 ? 0 : 1;
} finally {
  await harness.close();
}
process.exitCode = failed > 0 ? 1 : 0;
