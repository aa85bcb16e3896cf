import { needInput, resultInput } from '@kezhuan/shared';
import { describe, expect, it } from 'vitest';
import { buildOrg, buildUser, randomUscc } from '../../testing/factories';
import { testApp, useTestDb, type Client } from '../../testing/harness';
import { signedInNew, validNeedInput, validResultInput } from '../../testing/listing-factories';
import { TechNeedModel } from '../needs/need.model';
import { createNeed } from '../needs/need.service';
import { OrgModel } from '../orgs/org.model';
import { createOrg } from '../orgs/org.service';
import { ResearchResultModel } from '../results/result.model';
import { createResult } from '../results/result.service';
import { parseCsv } from './csv';
import { csvOf, encodeGb18030, jsonlOf, needObject, resultRow, xlsxOf } from './import.test-data';
import { finished, upload } from './import.testing';

useTestDb();
const app = testApp();

async function importFile(c: Client, query: string, body: string | Buffer, type?: string) {
  const res = await upload(c, query, body, type);
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  expect(res.body).toMatchObject({ status: 'validating' });
  return finished(c, res.body.id as string);
}

describe('bulk import: formats and headers', () => {
  it('imports research results from a CSV with Chinese headers as drafts owned by the named university', async () => {
    const { u: admin, c } = await signedInNew(app, 'admin');
    const uni = await buildOrg({ type: 'university' });
    const rows = [resultRow(uni.uscc, 1), resultRow(uni.uscc, 2, { 成果名称: '含"引号",逗号\n与换行的成果' })];
    const job = await importFile(c, 'kind=results&name=成果.csv', csvOf(rows));
    expect(job).toMatchObject({ status: 'done', total: 2, validated: 2, committed: 2, errorCount: 0, kind: 'results', format: 'csv' });
    const stored = await ResearchResultModel.find({ org: uni._id }).sort({ title: 1 }).lean();
    expect(stored.map((r) => r.title).sort()).toEqual(['含"引号",逗号\n与换行的成果', '寒地玉米秸秆生物降解材料制备技术1'].sort());
    const first = stored.find((r) => r.title.endsWith('1'))!;
    expect(first).toMatchObject({ status: 'draft', discipline: '530', industry: 'C28', maturity: 'pilot', trl: 6, city: '220100', price: 800000, negotiable: false, searchDirty: false, searchV: 1 });
    expect(first.transferModes).toEqual(['license', 'co_development']);
    expect(first.keywords).toEqual(['玉米秸秆', '可降解材料', '发酵']);
    expect(first.ip.items).toEqual([{ type: 'invention', number: 'ZL201410345054.1', status: 'granted' }]);
    expect(String(first.owner)).toBe(String(admin._id));
    expect(first.history).toEqual([expect.objectContaining({ action: 'import', from: null, to: 'draft', byName: admin.displayName })]);
    expect(stored.find((r) => r.title.startsWith('含'))).toMatchObject({ negotiable: true, price: null });

    // The same fields as a result created through the API (no default missing).
    const researcher = await buildUser({ role: 'researcher', org: uni._id });
    const viaApi = await createResult(resultInput.parse(validResultInput()), { id: researcher._id, name: 'x', role: 'researcher', orgId: String(uni._id), orgVerified: false, orgRole: 'member' });
    expect(Object.keys(first).sort()).toEqual(Object.keys(viaApi).sort());
    expect(new ResearchResultModel(first).validateSync()).toBeUndefined();
  });

  it('takes field names and codes from an XLSX file and publishes when asked', async () => {
    const { c } = await signedInNew(app, 'admin');
    const inst = await buildOrg({ type: 'institute' });
    const row = resultRow(inst.uscc, 7);
    const byField: Record<string, string> = {
      orgUscc: inst.uscc.toLowerCase(), title: row.成果名称!, summary: row.成果简介!, keywords: 'a;b、c', discipline: '计算机科学技术', industry: 'I',
      maturity: 'industrial', trl: 'TRL 9', transferModes: 'transfer', price: '1,200,000元', city: '220200',
      'contact.name': '赵', 'contact.phone': '13943100002', 'contact.email': 'Zhao@Example.cn',
    };
    const job = await importFile(c, 'kind=results&name=r.xlsx&publish=true', await xlsxOf([byField]), 'application/octet-stream');
    expect(job.status).toBe('done');
    const r = await ResearchResultModel.findOne({ org: inst._id }).lean();
    expect(r).toMatchObject({ status: 'published', discipline: '520', industry: 'I', maturity: 'industrial', trl: 9, price: 1_200_000, city: '220200', keywords: ['a', 'b', 'c'] });
    expect(r?.publishedAt).toBeInstanceOf(Date);
    expect(r?.lastConfirmedAt).toBeInstanceOf(Date);
    expect(r?.contact.email).toBe('zhao@example.cn');
  });

  it('reads XLSX numbers, dates, formulas and rich text as the text a person sees', async () => {
    const { c } = await signedInNew(app, 'admin');
    const ent = await buildOrg({ type: 'enterprise' });
    const n = needObject(ent.uscc, 9);
    const row = {
      机构统一社会信用代码: ent.uscc, 需求名称: { richText: [{ text: '富文本' }, { text: '标题', font: { bold: true } }] }, 需求描述: String(n.problem), 预期目标: '成型更快',
      关键词: '碳纤维', 行业: 'C36', '预算下限（元）': 500000, '预算上限（元）': { formula: 'B2*4', result: 2000000 },
      截止日期: new Date(Date.UTC(2099, 5, 30)), 合作方式: '委托开发', 所在市: 220100, 公开程度: '仅摘要公开',
      联系人: '李工', 联系电话: 13943100003, 联系邮箱: 'li@faw-demo.cn',
    };
    const job = await importFile(c, 'kind=needs&name=n.xlsx', await xlsxOf([row]), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(job.status, JSON.stringify(job.errors)).toBe('done');
    const need = await TechNeedModel.findOne({ org: ent._id }).lean();
    expect(need).toMatchObject({ title: '富文本标题', budgetMin: 500000, budgetMax: 2000000, city: '220100', confidentiality: 'summary_only' });
    expect(need?.contact.phone).toBe('13943100003');
    expect(need?.deadline?.toISOString()).toBe('2099-06-29T16:00:00.000Z');
  });

  it('imports technology needs from JSONL in the API shape and with Chinese keys', async () => {
    const { c } = await signedInNew(app, 'admin');
    const ent = await buildOrg({ type: 'enterprise' });
    const lines = [
      needObject(ent.uscc, 1),
      { ...needObject(ent.uscc, 2, { budgetMin: undefined, budgetMax: undefined, negotiable: true }), city: undefined, 所在市: '吉林市', 合作方式: '联合攻关；技术服务', 截止日期: '2099/1/5' },
    ];
    const job = await importFile(c, 'kind=needs&name=needs.jsonl', jsonlOf(lines), 'application/x-ndjson');
    expect(job.status, JSON.stringify(job.errors)).toBe('done');
    const needs = await TechNeedModel.find({ org: ent._id }).lean();
    expect(needs).toHaveLength(2);
    const second = needs.find((n) => n.title.endsWith('2'))!;
    expect(second).toMatchObject({ negotiable: true, budgetMin: null, city: '220200', cooperationModes: ['joint_research', 'service'] });
    expect(second.deadline?.toISOString()).toBe('2099-01-04T16:00:00.000Z');
    const member = await buildUser({ role: 'enterprise', org: ent._id });
    const viaApi = await createNeed(needInput.parse(validNeedInput()), { id: member._id, name: 'x', role: 'enterprise', orgId: String(ent._id), orgVerified: false, orgRole: 'member' });
    expect(Object.keys(second).sort()).toEqual(Object.keys(viaApi).sort());
    expect(new TechNeedModel(second).validateSync()).toBeUndefined();
  });

  it('decodes a GB18030 CSV from Chinese Excel and imports organisations, verified when published', async () => {
    const { c } = await signedInNew(app, 'admin');
    const codes = [randomUscc('220300'), randomUscc('220400')];
    const text = `机构名称,机构类型,统一社会信用代码,所在市\r\n四平测试农业科技有限公司,企业,${codes[0]},四平市\r\n辽源测试研究所,科研院所,${codes[1]},辽源\r\n`;
    const job = await importFile(c, 'kind=orgs&name=机构.csv&publish=true', encodeGb18030(text));
    expect(job.status, JSON.stringify(job.errors)).toBe('done');
    const orgs = await OrgModel.find({ uscc: { $in: codes } }).sort({ city: 1 }).lean();
    expect(orgs.map((o) => [o.name, o.type, o.city, o.verified])).toEqual([
      ['四平测试农业科技有限公司', 'enterprise', '220300', true],
      ['辽源测试研究所', 'institute', '220400', true],
    ]);
    const viaApi = (await createOrg({ name: '对照机构', type: 'enterprise', uscc: randomUscc(), city: '220100' }, { createdBy: null, ip: '' })).toObject();
    expect(Object.keys(orgs[0]!).sort()).toEqual(Object.keys(viaApi).sort());
    expect(new OrgModel(orgs[0]).validateSync()).toBeUndefined();
  });
});

describe('bulk import: invalid files change nothing', () => {
  it('fails the whole file on one bad row, with a bilingual report by row and column', async () => {
    const { c } = await signedInNew(app, 'admin');
    const uni = await buildOrg({ type: 'university' });
    const before = await ResearchResultModel.countDocuments();
    const rows = [
      resultRow(uni.uscc, 1),
      resultRow(uni.uscc, 2, { 学科: '炼金术', 联系电话: '12345' }),
      resultRow(uni.uscc, 3, { 机构统一社会信用代码: randomUscc(), 成熟度: '', '价格（元）': '很贵' }),
      resultRow(uni.uscc, 1),
    ];
    const job = await importFile(c, 'kind=results&name=bad.csv', csvOf(rows));
    expect(job).toMatchObject({ status: 'failed', total: 4, invalidRows: 3, committed: 0 });
    expect(job.message).toContain('3 行有误');
    expect(job.messageEn).toContain('3 rows are invalid');
    expect(await ResearchResultModel.countDocuments()).toBe(before);
    const report = await c.get(`/api/admin/imports/${job.id}/errors.csv`).expect(200).expect('Content-Type', /text\/csv/);
    expect(report.text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...lines] = parseCsv(report.text);
    expect(header).toEqual(['行号 Row', '字段 Field', '错误', 'Error']);
    const byRow = (row: number) => lines.filter((l) => l[0] === String(row)).map((l) => l.slice(1));
    expect(byRow(3)).toEqual([
      ['学科', '无法识别的学科“炼金术”', 'Unknown discipline "炼金术"'],
      ['联系电话', expect.stringContaining('固定电话'), expect.stringContaining('landline')],
    ]);
    expect(byRow(4).map((l) => l[0]).sort()).toEqual(['价格（元）', '成熟度', '机构统一社会信用代码'].sort());
    expect(byRow(4).find((l) => l[0] === '成熟度')).toEqual(['成熟度', '此项必填', 'Required']);
    expect(byRow(5)).toEqual([['成果名称', '与第 2 行重复（机构和成果名称相同）', 'Duplicates row 2 (same organisation and title)']]);
    expect(job.errors.length).toBe(lines.length);
  });

  it('refuses a second import of the same listings, row by row, but not a withdrawn one', async () => {
    const { c } = await signedInNew(app, 'admin');
    const uni = await buildOrg({ type: 'university' });
    const first = await importFile(c, 'kind=results&name=a.csv', csvOf([resultRow(uni.uscc, 1), resultRow(uni.uscc, 2)]));
    expect(first).toMatchObject({ status: 'done', committed: 2 });
    await ResearchResultModel.updateOne({ org: uni._id, title: /2$/ }, { $set: { status: 'withdrawn' } });
    // The same titles again (spacing and width do not make them new), and one that was withdrawn.
    const again = await importFile(c, 'kind=results&name=a.csv', csvOf([resultRow(uni.uscc, 1, { 成果名称: ' 寒地玉米秸秆生物降解材料制备技术１ ' }), resultRow(uni.uscc, 2)]));
    expect(again).toMatchObject({ status: 'failed', invalidRows: 1, committed: 0 });
    expect(again.errors.map((e) => [e.row, e.field, e.messageEn])).toEqual([[2, '成果名称', expect.stringContaining('already has a research result with this title')]]);
    expect(await ResearchResultModel.countDocuments({ org: uni._id })).toBe(2);
  });

  it('refuses unknown, repeated and missing columns before reading any row', async () => {
    const { c } = await signedInNew(app, 'admin');
    const job = await importFile(c, 'kind=orgs&name=o.csv', `名称,机构类型,type,序号\r\n甲,企业,企业,1\r\n`);
    expect(job.status).toBe('failed');
    expect(job.validated).toBe(0);
    expect(job.errors.map((e) => [e.row, e.field])).toEqual([
      [1, '名称'], [1, 'type'], [1, '序号'], [1, '机构名称'], [1, '统一社会信用代码'], [1, '所在市'],
    ]);
  });

  it('finds duplicate and already registered credit codes among organisations', async () => {
    const { c } = await signedInNew(app, 'admin');
    const existing = await buildOrg();
    const dup = randomUscc();
    const rows = [
      { 机构名称: '甲公司', 机构类型: '企业', 统一社会信用代码: dup, 所在市: '长春市' },
      { 机构名称: '乙公司', 机构类型: '企业', 统一社会信用代码: dup, 所在市: '长春市' },
      { 机构名称: '丙公司', 机构类型: '企业', 统一社会信用代码: existing.uscc, 所在市: '长春市' },
    ];
    const job = await importFile(c, 'kind=orgs&name=o.xlsx', await xlsxOf(rows), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(job.status).toBe('failed');
    expect(job.errors.map((e) => [e.row, e.message])).toEqual([
      [3, '与第 2 行重复（统一社会信用代码相同）'],
      [4, '该统一社会信用代码已在平台注册'],
    ]);
    expect(await OrgModel.countDocuments({ uscc: dup })).toBe(0);
  });

  it('reports a file that is not what it claims, or is empty, as the file\'s problem', async () => {
    const { c } = await signedInNew(app, 'admin');
    // Valid UTF-8 for the first kilobytes (so it is taken for UTF-8), then a byte UTF-8 cannot have.
    const rows = Array.from({ length: 200 }, (_, i) => `编码测试单位${i},企业,${randomUscc()},长春市\r\n`).join('');
    const notUtf8 = Buffer.concat([Buffer.from(`机构名称,机构类型,统一社会信用代码,所在市\r\n${rows}`), Buffer.from([0xb3, 0xc9, 0x0d, 0x0a])]);
    const truncated = await importFile(c, 'kind=orgs&name=o.csv', `机构名称,机构类型,统一社会信用代码,所在市\r\n"甲,企业`);
    expect(truncated.errors[0]).toMatchObject({ row: 2, message: expect.stringContaining('引号没有闭合') });
    const empty = await importFile(c, 'kind=orgs&name=o.csv', '机构名称,机构类型,统一社会信用代码,所在市\r\n');
    expect(empty).toMatchObject({ status: 'failed', message: '文件中没有数据行' });
    const bad = await importFile(c, 'kind=orgs&name=o.csv', notUtf8);
    expect(bad).toMatchObject({ status: 'failed', message: expect.stringContaining('CSV UTF-8'), messageEn: expect.stringContaining('not valid UTF-8') });
    expect(await OrgModel.countDocuments({ name: /^编码测试单位/ })).toBe(0);
    const xlsxAsCsv = await upload(c, 'kind=orgs&name=o.csv', await xlsxOf([{ a: '1' }]));
    expect(xlsxAsCsv.status).toBe(415);
    expect(xlsxAsCsv.body.error.messageEn).toContain('XLSX');
  });
});
