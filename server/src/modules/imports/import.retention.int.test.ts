import { describe, expect, it } from 'vitest';
import { buildOrg } from '../../testing/factories';
import { testApp, useTestDb } from '../../testing/harness';
import { signedInNew } from '../../testing/listing-factories';
import { ResearchResultModel } from '../results/result.model';
import { ImportJobModel } from './import-job.model';
import { IMPORT_RETENTION_DAYS, pruneImportJobs } from './import.retention';
import { readErrors } from './import.staging';
import { csvOf, resultRow } from './import.test-data';
import { finished, upload } from './import.testing';

useTestDb();
const app = testApp();
const DAY = 86_400_000;

describe('import job retention', () => {
  it('removes finished jobs and their error reports after the retention period, keeping what they imported', async () => {
    const { u: admin, c } = await signedInNew(app, 'admin');
    const uni = await buildOrg({ type: 'university' });
    const good = await finished(c, (await upload(c, 'kind=results&name=ok.csv', csvOf([resultRow(uni.uscc, 1)]))).body.id as string);
    const bad = await finished(c, (await upload(c, 'kind=results&name=bad.csv', csvOf([resultRow(uni.uscc, 2, { 学科: '炼金术' })]))).body.id as string);
    expect([good.status, bad.status]).toEqual(['done', 'failed']);
    const running = await ImportJobModel.create({ kind: 'results', format: 'csv', filename: 'r.csv', status: 'committing', createdBy: admin._id, finishedAt: null });

    // Not yet old enough: nothing goes.
    const almost = new Date(Date.now() + (IMPORT_RETENTION_DAYS - 1) * DAY);
    expect(await pruneImportJobs(almost)).toBe(0);

    const later = new Date(Date.now() + (IMPORT_RETENTION_DAYS + 1) * DAY);
    expect(await pruneImportJobs(later)).toBe(2);
    expect((await ImportJobModel.find({}, { _id: 1 }).lean()).map((j) => String(j._id))).toEqual([String(running._id)]);
    const report: unknown[] = [];
    for await (const e of readErrors(bad.id)) {
      report.push(e);
    }
    expect(report).toEqual([]);
    expect(await ResearchResultModel.countDocuments({ org: uni._id })).toBe(1);
    await c.get(`/api/admin/imports/${good.id}`).expect(404);
  });
});
