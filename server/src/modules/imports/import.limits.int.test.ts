import { IMPORT_LIMITS } from '@kezhuan/shared';
import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { buildOrg, buildUser } from '../../testing/factories';
import { testApp, useTestDb } from '../../testing/harness';
import { signedInNew } from '../../testing/listing-factories';
import { AuditModel } from '../audit/audit.model';
import { NotificationModel } from '../notifications/notification.model';
import { ResearchResultModel } from '../results/result.model';
import { cancelImport, startImport } from './import.service';
import { jobsWithStagedRows } from './import.staging';
import { csvOf, resultRow } from './import.test-data';
import { finished, upload } from './import.testing';

useTestDb();
const app = testApp();

const storedErrors = (jobId: string) => mongoose.connection.db!.collection(`import_errors_${jobId}`).countDocuments();

describe('import limits', () => {
  it('stores at most 1,000 problems per job and stops checking there, saying so', async () => {
    const { c } = await signedInNew(app, 'admin');
    // A sheet of one-cell rows: every row is invalid several times over.
    const header = Object.keys(resultRow('x', 0)).join(',');
    const lines = [header, ...Array.from({ length: 6000 }, (_, i) => `x${i}`)].join('\r\n');
    const res = await upload(c, 'kind=results&name=junk.csv', lines);
    expect(res.status).toBe(202);
    const job = await finished(c, res.body.id as string);
    expect(job).toMatchObject({ status: 'failed', errorCount: IMPORT_LIMITS.maxErrors });
    expect(job.validated).toBeLessThan(6000);
    expect(job.message).toContain(`发现 ${IMPORT_LIMITS.maxErrors} 处错误后停止校验`);
    expect(job.messageEn).toContain(`stopped after ${IMPORT_LIMITS.maxErrors} problems`);
    expect(await storedErrors(job.id)).toBe(IMPORT_LIMITS.maxErrors);
    expect(await jobsWithStagedRows()).not.toContain(job.id);
  });

  it('lets an administrator cancel a job being checked: it stops, writes nothing and leaves no staging', async () => {
    const uni = await buildOrg({ type: 'university' });
    const admin = await buildUser({ role: 'admin' });
    const bytes = Buffer.from(csvOf(Array.from({ length: 3000 }, (_, i) => resultRow(uni.uscc, i))));
    const actor = { id: admin._id, name: admin.displayName };
    const { job, done } = await startImport({ kind: 'results', format: 'csv', filename: 'big.csv', publish: false, bytes, actor });
    const cancelled = await cancelImport(job.id, actor);
    expect(cancelled).toMatchObject({ status: 'cancelled', message: `已被 ${admin.displayName} 取消，未导入任何数据` });
    expect(await done).toMatchObject({ status: 'cancelled' });
    expect(await ResearchResultModel.countDocuments({ org: uni._id })).toBe(0);
    expect(await jobsWithStagedRows()).not.toContain(job.id);
    await expect(cancelImport(job.id, actor)).rejects.toMatchObject({ status: 409 });
  });

  it('cancels through the API for administrators only, audited, and refuses a finished job', async () => {
    const uni = await buildOrg({ type: 'university' });
    const { c } = await signedInNew(app, 'admin');
    const researcher = (await signedInNew(app, 'researcher')).c;
    const res = await upload(c, 'kind=results&name=one.csv', csvOf([resultRow(uni.uscc, 1)]));
    const id = res.body.id as string;
    expect((await researcher.post(`/api/admin/imports/${id}/cancel`)).status).toBe(403);
    const done = await finished(c, id);
    expect(done.status).toBe('done');
    const refused = await c.post(`/api/admin/imports/${id}/cancel`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe('导入已结束，不能取消');

    const second = await upload(c, 'kind=results&name=two.csv', csvOf(Array.from({ length: 2000 }, (_, i) => resultRow(uni.uscc, 100 + i))));
    const ok = await c.post(`/api/admin/imports/${second.body.id as string}/cancel`);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'cancelled' });
    expect((await finished(c, second.body.id as string)).status).toBe('cancelled');
    expect(await AuditModel.countDocuments({ action: 'import.cancel', 'target.id': second.body.id })).toBe(1);
  });

  it('tells the members of each organisation what was imported for it, once', async () => {
    const uni = await buildOrg({ type: 'university' });
    const other = await buildOrg({ type: 'institute' });
    const member = await buildUser({ role: 'researcher', org: uni._id });
    const colleague = await buildUser({ role: 'researcher', org: uni._id });
    const elsewhere = await buildUser({ role: 'researcher', org: other._id });
    const stranger = await buildUser({ role: 'researcher' });
    const admin = await buildUser({ role: 'admin' });
    const rows = [resultRow(uni.uscc, 1), resultRow(uni.uscc, 2), resultRow(other.uscc, 3)];
    const { done } = await startImport({ kind: 'results', format: 'csv', filename: '成果.csv', publish: false, bytes: Buffer.from(csvOf(rows)), actor: { id: admin._id, name: admin.displayName } });
    expect(await done).toMatchObject({ status: 'done', committed: 3 });
    for (const u of [member, colleague]) {
      expect(await NotificationModel.find({ user: u._id }).lean()).toEqual([
        expect.objectContaining({ title: '管理员为贵机构导入了 2 项科技成果（草稿，请核对后提交审核）', link: '/me/listings?tab=result', body: '成果.csv' }),
      ]);
    }
    expect((await NotificationModel.findOne({ user: elsewhere._id }).lean())?.title).toBe('管理员为贵机构导入了 1 项科技成果（草稿，请核对后提交审核）');
    expect(await NotificationModel.countDocuments({ user: { $in: [stranger._id, admin._id] } })).toBe(0);
  });
});
