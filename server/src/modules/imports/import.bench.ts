/**
 * Import throughput on a fresh embedded FerretDB (or MONGODB_URI):
 *   npx tsx server/src/modules/imports/import.bench.ts [rows …]     (default: 10000 100000)
 * Prints validate (parse + check + stage) and commit (write) rates per size.
 */
import { buildOrg, buildUser } from '../../testing/factories';
import { startHarness } from '../../search/bench/harness';
import { importGenerated } from './import.test-data';

process.env.LOG_LEVEL ??= 'error';
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const h = await startHarness({ meili: false, dbName: 'kz_import_bench' });
try {
  const admin = await buildUser({ role: 'admin' });
  for (const n of sizes.length > 0 ? sizes : [10_000, 100_000]) {
    const uni = await buildOrg({ type: 'university' });
    const { job, line } = await importGenerated(n, uni.uscc, { id: admin._id, name: admin.displayName });
    console.log(job.status === 'done' ? line : `${n} rows: ${job.status} ${job.messageEn ?? ''}`);
  }
} finally {
  await h.close();
}
