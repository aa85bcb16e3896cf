import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildOrg, buildUser } from '../../testing/factories';
import { client, testApp, useTestDb } from '../../testing/harness';
import { signedInNew } from '../../testing/listing-factories';
import { AuditModel } from '../audit/audit.model';
import { CommissionerModel } from '../commissioners/commissioner.model';
import { currentTerm } from '../commissioners/commissioner.queries';
import { NotificationModel } from '../notifications/notification.model';
import { OrgModel } from '../orgs/org.model';
import { ServiceRequestModel } from '../service-requests/service-request.model';
import { UserModel } from '../users/user.model';
import { ImportJobModel } from './import-job.model';
import { finished, upload } from './import.testing';
import { PAIRING_EXAMPLE, csvTemplate } from './import.templates';

useTestDb();
const app = testApp();

// The examples name fixed accounts and credit codes: each test starts from an empty platform.
beforeEach(async () => {
  for (const model of [UserModel, OrgModel, CommissionerModel, ServiceRequestModel, NotificationModel, AuditModel, ImportJobModel] as { deleteMany(f: object): Promise<unknown> }[]) {
    await model.deleteMany({});
  }
});

/** The organisations and people the templates' example rows name (the demo accounts). */
async function exampleWorld() {
  const univ = await buildOrg({ type: 'university', verified: true, uscc: PAIRING_EXAMPLE.personOrg.uscc, name: PAIRING_EXAMPLE.personOrg.name });
  const person = await buildUser({ role: 'researcher', org: univ._id, email: PAIRING_EXAMPLE.person, displayName: '李明' });
  const univManager = await buildUser({ role: 'researcher', org: univ._id, orgRole: 'manager' });
  const ent = await buildOrg({ type: 'enterprise', verified: true, uscc: PAIRING_EXAMPLE.enterprise.uscc, name: PAIRING_EXAMPLE.enterprise.name });
  const owner = await buildUser({ role: 'enterprise', org: ent._id, email: PAIRING_EXAMPLE.owner });
  const entManager = await buildUser({ role: 'enterprise', org: ent._id, orgRole: 'manager' });
  return { univ, person, univManager, ent, owner, entManager };
}

describe('import of the 双千 lists: commissioners', () => {
  it('imports the template as it is: approved for the term when published, audited, the person told; a second import is refused row by row', async () => {
    const w = await exampleWorld();
    const admin = (await signedInNew(app, 'admin')).c;
    const file = csvTemplate('commissioners');
    const up = await upload(admin, 'kind=commissioners&name=c.csv&publish=true', file);
    expect(up.status).toBe(202);
    const job = await finished(admin, up.body.id as string);
    expect(job).toMatchObject({ status: 'done', committed: 1, errorCount: 0 });

    const c = await CommissionerModel.findOne({ user: w.person._id }).lean();
    expect(c).toMatchObject({ status: 'approved', term: currentTerm() + 1, capacity: 3, disciplines: ['430'], industries: ['C36', 'C28'], cities: ['220100'], counties: ['220204', '220302'] });
    expect(c?.serveCities.sort()).toEqual(['220100', '220200', '220300']);
    expect(c?.endorsement?.endorsed).toBe(true);
    // Audit and notices follow the commit (the poll may see "done" a moment before).
    await vi.waitFor(async () => expect(await NotificationModel.countDocuments({ user: w.person._id, kind: 'pairing.application' })).toBe(1), { timeout: 5_000 });
    expect(await AuditModel.countDocuments({ action: 'commissioner.import', 'target.id': String(c?._id) })).toBe(1);
    // The directory shows him (approved, next year's term).
    const dir = await (await client(app)).get(`/api/commissioners?term=${currentTerm() + 1}`);
    expect(dir.body.items.map((i: { id: string }) => i.id)).toContain(String(c?._id));

    const again = await finished(admin, (await upload(admin, 'kind=commissioners&name=c.csv&publish=true', file)).body.id as string);
    expect(again.status).toBe('failed');
    expect(again.errors).toEqual([expect.objectContaining({ row: 2, field: '人员邮箱或手机号', message: expect.stringContaining('已有') })]);
    expect(await CommissionerModel.countDocuments()).toBe(1);
  });

  it('without publish the applications await the organisation, whose managers are told', async () => {
    const w = await exampleWorld();
    const admin = (await signedInNew(app, 'admin')).c;
    const job = await finished(admin, (await upload(admin, 'kind=commissioners&name=c.csv', csvTemplate('commissioners'))).body.id as string);
    expect(job.status).toBe('done');
    expect(await CommissionerModel.findOne({ user: w.person._id }).lean()).toMatchObject({ status: 'awaiting_endorsement', approvedAt: null, endorsement: null });
    await vi.waitFor(async () => expect(await NotificationModel.countDocuments({ user: w.univManager._id, kind: 'pairing.application' })).toBe(1), { timeout: 5_000 });
  });

  it('reports every bad row by row and column, with the nearest code, and imports nothing', async () => {
    const w = await exampleWorld();
    const other = await buildOrg({ type: 'institute', verified: true });
    const stranger = await buildUser({ role: 'researcher', org: other._id });
    const admin = (await signedInNew(app, 'admin')).c;
    const term = currentTerm();
    const head = '人员邮箱或手机号,机构统一社会信用代码,服务年度,专业特长,关键词,学科,服务行业,服务市（州）,服务县（市、区）,可服务企业数\r\n';
    const ok = `研究高分子材料改性与加工十余年,高分子；改性,430,C29`;
    const csv =
      head +
      `nobody@example.cn,${w.univ.uscc},${term},${ok},长春,,2\r\n` + // 2: unknown person
      `${w.person.email},911111111111111111,${term},${ok},长春,,2\r\n` + // 3: unknown organisation
      `${stranger.phone},${w.univ.uscc},${term},${ok},长春,,2\r\n` + // 4: not a member
      `${w.person.email},${w.univ.uscc},${term},${ok},,船营,2\r\n` + // 5: county typo → 船营区
      `${w.person.email},${w.univ.uscc},${term},研究高分子材料改性与加工十余年,高分子,材料科,C29,长春,,9\r\n` + // 6: discipline typo, capacity 9
      `${w.person.email},${w.univ.uscc},${term - 1},${ok},,,2\r\n`; // 7: last year's term, no region
    const job = await finished(admin, (await upload(admin, 'kind=commissioners&name=bad.csv&publish=true', csv)).body.id as string);
    expect(job.status).toBe('failed');
    const by = (row: number) => job.errors.filter((e) => e.row === row);
    expect(by(2)).toEqual([expect.objectContaining({ field: '人员邮箱或手机号', message: expect.stringContaining('nobody@example.cn') })]);
    expect(by(3)).toEqual([expect.objectContaining({ field: '机构统一社会信用代码', message: expect.stringContaining('请先注册或导入该机构') })]);
    expect(by(4)).toEqual([expect.objectContaining({ field: '人员邮箱或手机号', messageEn: expect.stringContaining('not an approved member') })]);
    expect(by(5)).toEqual([expect.objectContaining({ field: '服务县（市、区）', message: expect.stringContaining('是否为“220204 船营区”') })]);
    expect(by(6).map((e) => e.field).sort()).toEqual(['可服务企业数', '学科']);
    expect(by(6).find((e) => e.field === '学科')?.message).toContain('430 材料科学');
    expect(by(7).map((e) => e.field).sort()).toEqual(['服务市（州）', '服务年度']);
    expect(await CommissionerModel.countDocuments()).toBe(0);
  });
});

describe('import of the 双千 lists: enterprise service requests', () => {
  it('imports the template as it is, owned by the member it names, the managers told; a second import is refused', async () => {
    const w = await exampleWorld();
    const admin = (await signedInNew(app, 'admin')).c;
    const file = csvTemplate('serviceRequests');
    const job = await finished(admin, (await upload(admin, 'kind=serviceRequests&name=r.csv&publish=true', file)).body.id as string);
    expect(job).toMatchObject({ status: 'done', committed: 1 });
    const r = await ServiceRequestModel.findOne({ org: w.ent._id }).lean();
    expect(r).toMatchObject({ status: 'open', urgency: 'high', industry: 'C36', city: '220100', county: '220106', keywords: ['铝合金', '焊接', '变形控制'] });
    expect(String(r?.owner)).toBe(String(w.owner._id));
    expect(r?.openedAt).toBeInstanceOf(Date);
    await vi.waitFor(async () => expect(await NotificationModel.countDocuments({ user: w.entManager._id })).toBe(1), { timeout: 5_000 });
    expect(await AuditModel.countDocuments({ action: 'service_request.import' })).toBe(1);
    // The open pool the pairing run reads has it.
    const pool = await admin.get('/api/admin/service-requests');
    expect(pool.body.items.map((i: { id: string }) => i.id)).toContain(String(r?._id));

    const again = await finished(admin, (await upload(admin, 'kind=serviceRequests&name=r.csv&publish=true', file)).body.id as string);
    expect(again.errors).toEqual([expect.objectContaining({ row: 2, field: '需求名称', message: expect.stringContaining('重复导入') })]);
    expect(await ServiceRequestModel.countDocuments()).toBe(1);
  });

  it('without an owner column the enterprise registrant owns the draft; bad rows are reported', async () => {
    const w = await exampleWorld();
    const admin = (await signedInNew(app, 'admin')).c;
    const head = '机构统一社会信用代码,需求名称,问题描述,行业,所在市,所在县区,所需专长关键词,紧迫程度,负责人邮箱或手机号\r\n';
    const problem = '生产线能耗偏高，需要专家诊断工艺并提出节能改造方案';
    const good = head + `${w.ent.uscc},节能改造诊断,${problem},C36,长春,九台区,节能,一般,\r\n`;
    const job = await finished(admin, (await upload(admin, 'kind=serviceRequests&name=r.csv', good)).body.id as string);
    expect(job.status).toBe('done');
    const r = await ServiceRequestModel.findOne({ title: '节能改造诊断' }).lean();
    expect(r).toMatchObject({ status: 'draft', county: '220113', openedAt: null });
    expect(String(r?.owner)).not.toBe(String(w.owner._id)); // the registrant (none here: the importer)

    const bad =
      head +
      `${w.univ.uscc},甲,${problem},C36,长春,,节能,一般,\r\n` + // 2: not an enterprise
      `${w.ent.uscc},乙,${problem},C36,长春,船营区,节能,一般,\r\n` + // 3: county of another city
      `${w.ent.uscc},丙,${problem},C36,长春,,节能,火急,\r\n` + // 4: unknown urgency
      `${w.ent.uscc},丁,${problem},C36,长春,,节能,一般,${w.person.email}\r\n`; // 5: owner not of the enterprise
    const failed = await finished(admin, (await upload(admin, 'kind=serviceRequests&name=bad.csv', bad)).body.id as string);
    expect(failed.status).toBe('failed');
    const fields = failed.errors.map((e) => `${e.row}:${e.field}`);
    expect(fields).toEqual(['2:机构统一社会信用代码', '3:所在县区', '4:紧迫程度', '5:负责人邮箱或手机号']);
    expect(await ServiceRequestModel.countDocuments()).toBe(1);
  });

  it('only administrators may import either list or fetch its template', async () => {
    await exampleWorld();
    for (const role of ['researcher', 'enterprise', 'commissioner'] as const) {
      const c = (await signedInNew(app, role)).c;
      for (const kind of ['commissioners', 'serviceRequests']) {
        expect((await upload(c, `kind=${kind}&name=x.csv&publish=true`, csvTemplate(kind as 'commissioners'))).status).toBe(403);
        expect((await c.get(`/api/admin/imports/template?kind=${kind}`)).status).toBe(403);
      }
    }
    expect(await ImportJobModel.countDocuments()).toBe(0);
    expect(await CommissionerModel.countDocuments()).toBe(0);
  });
});
