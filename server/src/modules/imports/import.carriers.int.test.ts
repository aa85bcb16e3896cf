import { describe, expect, it } from 'vitest';
import { buildOrg } from '../../testing/factories';
import { client, testApp, useTestDb } from '../../testing/harness';
import { signedInNew } from '../../testing/listing-factories';
import { CarrierModel } from '../carriers/carrier.model';
import { countCarriers } from '../carriers/carrier.counts';
import { finished, upload } from './import.testing';
import { xlsxOf } from './import.test-data';

useTestDb();
const app = testApp();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('import of an existing carrier registry', () => {
  it('imports a small XLSX of several types as recognised carriers; orgs matched by name or credit code; unknown orgs and missing type fields are row errors', async () => {
    const carbon = await buildOrg({ type: 'enterprise', verified: true, name: '吉林市碳纤维示范企业', city: '220200' });
    const tenant = await buildOrg({ type: 'enterprise', verified: true, name: '在孵光电企业' });
    const gov = await buildOrg({ type: 'government', verified: true, name: '吉林市科技局', city: '220200' });
    const univ = await buildOrg({ type: 'university', verified: true, name: '吉林示范大学' });
    const admin = (await signedInNew(app, 'admin')).c;

    const rows: Record<string, string>[] = [
      { 载体类型: '高新技术特色产业基地', 载体名称: '碳纤维产业基地', 依托单位: gov.uscc, 简介: '以化学工业循环经济示范区为依托的碳纤维产业基地。', 认定证书编号: '吉科基〔2012〕001号', 认定日期: '2012-06-18', 行业: 'C28 化学纤维制造业', 基地所在市: '吉林市', 成员或入驻单位: carbon.name },
      { 载体类型: '孵化器', 载体名称: '示范大学科技园孵化器', 依托单位: '吉林示范大学', 简介: '将孵化功能延伸到高校，便于科技人员创业。', 认定证书编号: '吉科孵〔2013〕005号', 认定日期: '2013年10月15日', '场地面积（平方米）': '36000', 成员或入驻单位: tenant.uscc },
      { 载体类型: '院士工作站', 载体名称: '碳纤维院士工作站', 依托单位: carbon.name, 简介: '院士团队与企业联合攻关碳纤维原丝技术。', 认定证书编号: '吉科院〔2014〕003号', 认定日期: '2014-05-01', 行业: 'C28', 院士姓名: '张院士', 院士所属学部: '中国工程院', 院士研究领域: '高分子材料', 团队成员: '李杰|负责人；王明|研究员' },
    ];
    // xlsxOf takes its header from the first row: give it every column the rows use.
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    rows[0] = Object.fromEntries(columns.map((c) => [c, rows[0]?.[c] ?? '']));
    const up = await upload(admin, 'kind=carriers&name=registry.xlsx&publish=true', await xlsxOf(rows), XLSX);
    expect(up.status).toBe(202);
    const job = await finished(admin, up.body.id as string);
    expect(job, JSON.stringify(job.errors)).toMatchObject({ status: 'done', committed: 3, errorCount: 0 });

    const base = await CarrierModel.findOne({ name: '碳纤维产业基地' }).lean();
    expect(base).toMatchObject({ type: 'industry_base', status: 'recognised', certificateNo: '吉科基〔2012〕001号', recognisedYear: 2012, city: '220200', industry: 'C28' });
    expect(base?.org.equals(gov._id)).toBe(true);
    expect(base?.linkedOrgs.map(String)).toEqual([String(carbon._id)]);
    const incubator = await CarrierModel.findOne({ type: 'incubator' }).lean();
    expect(incubator).toMatchObject({ recognisedYear: 2013, details: { areaSqm: 36000 } });
    expect(incubator?.org.equals(univ._id)).toBe(true);
    const ws = await CarrierModel.findOne({ type: 'academician_workstation' }).lean();
    expect(ws?.details).toMatchObject({ academician: { name: '张院士', academy: 'cae' }, team: [{ name: '李杰', role: '负责人' }, { name: '王明', role: '研究员' }] });
    expect(ws?.steps[0]).toMatchObject({ action: 'import' });
    // Public at once and counted.
    const anon = await client(app);
    expect((await anon.get('/api/carriers?type=incubator')).body.total).toBe(1);
    expect(await countCarriers({ type: 'industry_base' })).toEqual([{ city: '220200', year: 2012, count: 1 }]);

    // The same file again: every row a duplicate. A file with an unknown org and a missing type field: row errors.
    const again = await finished(admin, (await upload(admin, 'kind=carriers&name=registry.xlsx', await xlsxOf(rows), XLSX)).body.id as string);
    expect(again.status).toBe('failed');
    expect(again.errors).toHaveLength(3);
    const bad = [
      { ...rows[0], ...rows[1], 依托单位: '不存在的大学', 认定证书编号: 'X-1' },
      { ...rows[1], '场地面积（平方米）': '', 认定证书编号: 'X-2' },
      { ...rows[1], 载体类型: '飞船基地', 认定证书编号: 'X-3' },
    ];
    const failed = await finished(admin, (await upload(admin, 'kind=carriers&name=bad.xlsx', await xlsxOf(bad), XLSX)).body.id as string);
    expect(failed.status).toBe('failed');
    expect(failed.errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ row: 2, field: '依托单位', message: expect.stringContaining('不存在的大学') }),
      expect.objectContaining({ row: 3, field: '场地面积（平方米）', message: '此类载体此项必填' }),
      expect.objectContaining({ row: 4, field: '载体类型' }),
    ]));
    expect(await CarrierModel.countDocuments({})).toBe(3);
    // The template downloads with the carriers' columns.
    const template = await admin.get('/api/admin/imports/template?kind=carriers&format=csv');
    expect(template.status).toBe(200);
    expect(template.text).toContain('载体类型');
  });
});
