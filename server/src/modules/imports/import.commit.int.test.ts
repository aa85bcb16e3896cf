/**
 * All or nothing without transactions: a commit stopped midway is finished by resumeImports(),
 * a batch written twice is written once, a conflict found during commit takes everything back.
 */
import mongoose from 'mongoose';
import { afterEach, describe, expect, it } from 'vitest';
import { buildOrg, buildUser, randomUscc } from '../../testing/factories';
import { useTestDb } from '../../testing/harness';
import { OrgModel } from '../orgs/org.model';
import { ResearchResultModel } from '../results/result.model';
import { ImportJobModel } from './import-job.model';
import { commitHooks } from './import.commit-phase';
import { resumeImports, startImport } from './import.service';
import { jobsWithStagedRows, stageRows } from './import.staging';
import { csvOf, resultRow } from './import.test-data';

useTestDb();
afterEach(() => {
  commitHooks.afterBatch = undefined;
});

async function admin() {
  const u = await buildUser({ role: 'admin' });
  return { id: u._id, name: u.displayName };
}

/** Makes the commit throw after `n` batches, as a crash would stop it. */
function crashAfter(n: number, before?: (batch: number) => void) {
  let done = 0;
  commitHooks.afterBatch = (batch) => {
    before?.(batch);
    if (++done === n) {
      throw new Error('simulated crash');
    }
  };
}

describe('import commit: crash and resume', () => {
  it('finishes a commit stopped midway: every row present exactly once, staging removed', async () => {
    const uni = await buildOrg({ type: 'university' });
    const rows = Array.from({ length: 3500 }, (_, i) => resultRow(uni.uscc, i));
    crashAfter(2);
    const { job, done } = await startImport({ kind: 'results', format: 'csv', filename: 'r.csv', publish: true, bytes: Buffer.from(csvOf(rows)), actor: await admin() });
    const stopped = await done;
    expect(stopped).toMatchObject({ status: 'committing', total: 3500, committed: 2000 });
    expect(await ResearchResultModel.countDocuments({ org: uni._id })).toBe(2000);

    // As if the process had also died between writing batch 1 and recording it: it is written again.
    await ImportJobModel.updateOne({ _id: job.id }, { $pull: { doneBatches: 1 }, $inc: { committed: -1000 } });
    commitHooks.afterBatch = undefined;
    expect(await resumeImports()).toMatchObject({ resumed: 1 });

    const after = await ImportJobModel.findById(job.id).lean();
    expect(after).toMatchObject({ status: 'done', committed: 3500 });
    expect([...(after?.doneBatches ?? [])].sort()).toEqual([0, 2, 3]); // batch 1 was refused (ours already), checked, not recorded
    const titles = await ResearchResultModel.distinct('title', { org: uni._id });
    expect(titles).toHaveLength(3500);
    expect(await ResearchResultModel.countDocuments({ org: uni._id })).toBe(3500);
    expect(await ResearchResultModel.countDocuments({ org: uni._id, status: 'published', searchDirty: false })).toBe(3500);
    expect(await jobsWithStagedRows()).not.toContain(job.id);
    // Running it again changes nothing.
    expect(await resumeImports()).toEqual({ resumed: 0, interrupted: 0, cleaned: 0 });
  });

  it('is not stopped by an unverified registration of one of its credit codes during the commit', async () => {
    // An unverified claim does not hold a credit code (a squatter must not keep the real
    // organisation out; verification with evidence decides), so the import goes through and both stand.
    const codes = Array.from({ length: 2500 }, () => randomUscc('220700'));
    const csv = csvOf(codes.map((uscc, i) => ({ 机构名称: `松原冲突测试${i}`, 机构类型: '企业', 统一社会信用代码: uscc, 所在市: '松原市' })));
    let intruder: Promise<unknown> | undefined;
    commitHooks.afterBatch = (batch) => {
      if (batch === 0) {
        intruder = OrgModel.create({ name: '抢先注册', nameKey: 'x', type: 'enterprise', uscc: codes[2100], city: '220700' });
      }
    };
    const { done } = await startImport({ kind: 'orgs', format: 'csv', filename: 'o.csv', publish: false, bytes: Buffer.from(csv), actor: await admin() });
    const job = await done;
    await intruder;
    expect(job).toMatchObject({ status: 'done', committed: 2500, invalidRows: 0 });
    expect(await OrgModel.countDocuments({ uscc: { $in: codes } })).toBe(2501);
    expect((await OrgModel.find({ uscc: codes[2100] }, { name: 1, verified: 1 }).lean()).map((o) => [o.name, o.verified]).sort()).toEqual([
      ['抢先注册', false],
      ['松原冲突测试2100', false],
    ]);
  });

  it('fails a job interrupted while validating and removes staging left behind', async () => {
    const actor = await admin();
    const stale = await ImportJobModel.create({ kind: 'orgs', format: 'csv', filename: 'x.csv', createdBy: actor.id, createdByName: actor.name });
    const finishedJob = await ImportJobModel.create({ kind: 'orgs', format: 'csv', filename: 'y.csv', status: 'done', createdBy: actor.id });
    for (const j of [stale, finishedJob]) {
      await stageRows(String(j._id), [{ _id: 0, batch: 0, row: 2, doc: { _id: new mongoose.Types.ObjectId() } }]);
    }
    expect(await resumeImports()).toEqual({ resumed: 0, interrupted: 1, cleaned: 1 });
    expect(await ImportJobModel.findById(stale._id).lean()).toMatchObject({ status: 'failed', messageEn: expect.stringContaining('interrupted') });
    expect(await jobsWithStagedRows()).toEqual([]);
  });
});
