/**
 * Volume: generated research results import completely, all marked for the search index, nothing
 * left in staging. Prints the measured rates (validate = parse + check + stage; commit = write).
 *
 * 10,000 rows by default (about 15 s). 100,000 rows take about 2 minutes alone and nearly 4 in the
 * full parallel suite (where they would quadruple its time), so they run on demand:
 *   KZ_IMPORT_VOLUME_ROWS=100000 npx vitest run --project server src/modules/imports/import.volume
 * or without Vitest: npx tsx server/src/modules/imports/import.bench.ts 10000 100000
 */
import { describe, expect, it } from 'vitest';
import { buildOrg, buildUser } from '../../testing/factories';
import { useTestDb } from '../../testing/harness';
import { ResearchResultModel } from '../results/result.model';
import { jobsWithStagedRows } from './import.staging';
import { importGenerated } from './import.test-data';

useTestDb();

const sizes = (process.env.KZ_IMPORT_VOLUME_ROWS ?? '10000').split(',').map(Number);

describe('import volume', () => {
  it.each(sizes)(
    'imports %i rows, every one ready for the reconciliation, with nothing staged afterwards',
    async (n) => {
      const uni = await buildOrg({ type: 'university' });
      const admin = await buildUser({ role: 'admin' });
      const { job, line } = await importGenerated(n, uni.uscc, { id: admin._id, name: admin.displayName });
      console.log(line);
      expect(job).toMatchObject({ status: 'done', total: n, committed: n, errorCount: 0 });
      expect(await ResearchResultModel.countDocuments({ org: uni._id, searchDirty: false, status: 'published' })).toBe(n);
      expect(await jobsWithStagedRows()).not.toContain(job.id);
    },
    // 100,000 rows measured at 110 s alone and 150 s under the full suite's load (2 cores).
    Math.max(60_000, sizes.reduce((a, b) => a + b, 0) * 5),
  );
});
