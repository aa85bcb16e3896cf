/**
 * Bulk import on a fresh embedded FerretDB (or MONGODB_URI), end to end: how long until `n`
 * imported rows are searchable.
 *   npx tsx server/src/modules/imports/import.bench.ts [rows …]     (default: 10000 100000)
 *   npm run bench:import [-- rows …]
 * Per size: validate (parse + check + stage), commit (write), index (the index sync's reconcile
 * into an embedded search engine, until the index holds every row and finds one of the last by its
 * title). Each size starts from an empty results collection and an empty index.
 */
import { INDEX_NAMES } from '@kezhuan/search-config';
import { EmbeddedSearchEngine } from '../../search/embedded/engine';
import { startHarness } from '../../search/bench/harness';
import { fmtInt, fmtSec, markdownTable } from '../../search/bench/metrics';
import { buildOrg, buildUser } from '../../testing/factories';
import { ResearchResultModel } from '../results/result.model';
import { indexImported } from './import.bench-index';
import { importGenerated, resultRow } from './import.test-data';

process.env.LOG_LEVEL ??= 'error';
const argSizes = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0);
const sizes = argSizes.length > 0 ? argSizes : [10_000, 100_000];

interface SizeFigures {
  rows: number;
  validateMs: number;
  commitMs: number;
  indexMs: number;
}
const totalMs = (f: SizeFigures) => f.validateMs + f.commitMs + f.indexMs;
const perSec = (rows: number, ms: number) => fmtInt(Math.round((rows * 1000) / ms));

const measured: SizeFigures[] = [];
const h = await startHarness({ meili: false, dbName: 'kz_import_bench' });
try {
  const admin = await buildUser({ role: 'admin' });
  for (const n of sizes) {
    // Each size on its own: no rows of the previous one in the collection or the index.
    await ResearchResultModel.collection.drop().catch(() => undefined);
    await ResearchResultModel.createIndexes();
    const engine = new EmbeddedSearchEngine({ file: `${h.dir}/search/import-${n}.sqlite` });
    try {
      for (const index of INDEX_NAMES) {
        await engine.ensureIndex(index);
      }
      const uni = await buildOrg({ type: 'university' });
      const { job, line } = await importGenerated(n, uni.uscc, { id: admin._id, name: admin.displayName });
      console.log(line);
      if (job.status !== 'done') {
        throw new Error(`${n} rows: the import ended ${job.status}: ${job.messageEn ?? ''}`);
      }
      const index = await indexImported(engine, { rows: n, lastTitle: resultRow(uni.uscc, n - 1)['成果名称']! });
      const f: SizeFigures = { rows: n, validateMs: job.validateMs ?? 0, commitMs: job.commitMs ?? 0, indexMs: index.ms };
      measured.push(f);
      console.log(
        `[import → searchable] ${fmtInt(n)} rows: validate ${fmtSec(f.validateMs)}, commit ${fmtSec(f.commitMs)}, ` +
          `index ${fmtSec(f.indexMs)} (reconcile ${fmtSec(index.reconcileMs)}), total ${fmtSec(totalMs(f))}, ${perSec(n, totalMs(f))} rows/s`,
      );
    } finally {
      await engine.close();
    }
  }
} finally {
  await h.close();
}

console.log(`\n### Bulk import until searchable (CSV of research results, published; embedded FerretDB and search engine)\n`);
console.log(
  markdownTable(
    ['rows', 'validate', 'commit', 'index (reconcile + checks)', 'total', 'rows/s overall'],
    measured.map((f) => [
      fmtInt(f.rows),
      `${fmtSec(f.validateMs)} (${perSec(f.rows, f.validateMs)}/s)`,
      `${fmtSec(f.commitMs)} (${perSec(f.rows, f.commitMs)}/s)`,
      `${fmtSec(f.indexMs)} (${perSec(f.rows, f.indexMs)}/s)`,
      fmtSec(totalMs(f)),
      perSec(f.rows, totalMs(f)),
    ]),
  ),
);
