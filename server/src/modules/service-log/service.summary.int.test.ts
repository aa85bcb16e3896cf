import type { CityCode } from '@kezhuan/shared';
import ExcelJS from 'exceljs';
import { Types } from 'mongoose';
import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import { CommissionerModel } from '../commissioners/commissioner.model';
import { currentTerm } from '../commissioners/commissioner.queries';
import { PairingModel } from '../pairing/pairing.model';
import { ServiceRequestModel } from '../service-requests/service-request.model';
import { buildOrg, buildUser } from '../../testing/factories';
import { testApp, useTestDb } from '../../testing/harness';
import { signedInAs } from '../../testing/listing-factories';
import { ServiceAgreementModel, ServiceEntryModel } from './service.model';

useTestDb();
const app = testApp();
const term = currentTerm();

/** An accepted pairing of a named commissioner with a named enterprise's request in a city and county, with confirmed hours. */
async function active(city: CityCode, county: string | null, hours: number, counties: string[] = []) {
  const univ = await buildOrg({ type: 'university', verified: true });
  const cUser = await buildUser({ role: 'researcher', org: univ._id, displayName: `专家${city}${county ?? ''}` });
  const now = new Date();
  const com = await CommissionerModel.create({
    user: cUser._id, org: univ._id, term, status: 'approved', expertise: '高分子材料改性', disciplines: ['430'], industries: ['C36'], cities: [city], counties, serveCities: [city], capacity: 2, submittedAt: now, approvedAt: now,
  });
  const ent = await buildOrg({ type: 'enterprise', verified: true, name: `秘密企业${city}${county ?? ''}有限公司` });
  const owner = await buildUser({ role: 'enterprise', org: ent._id });
  const req = await ServiceRequestModel.create({ org: ent._id, owner: owner._id, status: 'paired', title: '内饰件VOC超标', problem: '需要改进配方。', industry: 'C36', city, county, urgency: 'normal', openedAt: now });
  const p = await PairingModel.create({
    run: new Types.ObjectId(), term, status: 'accepted', request: req._id, org: ent._id, owner: owner._id, commissioner: com._id, commissionerUser: cUser._id, score: 80, confirmedAt: now,
  });
  await ServiceAgreementModel.create({
    pairing: p._id, term, org: ent._id, commissioner: com._id, status: 'confirmed', goals: '降低VOC', plannedVisits: 2, plannedHours: 10, startsOn: `${term}-01-01`, endsOn: `${term}-12-31`, rating: { score: 4, comment: '很好', at: now },
  });
  await ServiceEntryModel.create({ pairing: p._id, term, status: 'confirmed', date: `${term}-03-01`, hours, visit: true, problems: '问题', outcomes: '结果', by: cUser._id });
  return { cUser, ent };
}

describe('programme summary: county grouping, target, export, public figures', () => {
  beforeEach(async () => {
    await Promise.all([CommissionerModel, ServiceRequestModel, PairingModel, ServiceAgreementModel, ServiceEntryModel].map((m) => (m as typeof PairingModel).deleteMany({})));
  });

  it('groups by county beside the 1,000 / 1,000 target, and exports the tables as XLSX to administrators only', async () => {
    await active('220100', '220102', 4, ['220102']);
    await active('220100', '220104', 2);
    await active('220200', null, 3);
    const admin = await signedInAs(app, await buildUser({ role: 'admin' }));
    const sum = (await admin.get(`/api/admin/service-summary?term=${term}`)).body;
    expect(sum.target).toEqual({ commissioners: 1000, enterprises: 1000 });
    expect(sum.total).toMatchObject({ commissioners: 3, enterprises: 3, activePairings: 3, confirmedHours: 9 });
    expect(sum.byCounty).toEqual([
      { key: '-', commissioners: 2, enterprises: 1, activePairings: 1, confirmedHours: 3, meanRating: 4 },
      { key: '220102', commissioners: 1, enterprises: 1, activePairings: 1, confirmedHours: 4, meanRating: 4 },
      { key: '220104', commissioners: 0, enterprises: 1, activePairings: 1, confirmedHours: 2, meanRating: 4 },
    ]);

    const file = await admin.agent.get(`/api/admin/service-summary.xlsx?term=${term}`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.body as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['总体', '按市州', '按区县', '按行业']);
    const county = wb.getWorksheet('按区县')!;
    expect(county.getRow(1).getCell(1).value).toBe('分组');
    expect(county.getRow(3).values).toEqual([undefined, '南关区', 1, 1, 1, 4, 4]);
    expect(wb.getWorksheet('总体')!.getRow(3).values).toEqual([undefined, '计划目标', 1000, 1000]);
    const en = await admin.agent.get(`/api/admin/service-summary.xlsx?term=${term}&lang=en`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    const wbEn = new ExcelJS.Workbook();
    await wbEn.xlsx.load(en.body as unknown as ArrayBuffer);
    expect(wbEn.getWorksheet('By city')!.getRow(2).getCell(1).value).toBe('Changchun');

    const researcher = await signedInAs(app, await buildUser({ role: 'researcher' }));
    expect((await researcher.get(`/api/admin/service-summary.xlsx?term=${term}`)).status).toBe(403);
    expect((await request(app).get(`/api/admin/service-summary.xlsx?term=${term}`)).status).toBe(401);
    expect((await admin.get('/api/admin/service-summary.xlsx?term=1999')).status).toBe(400);
  });

  it('shows the public only aggregate counts: no names, no ids, no ratings, no counties', async () => {
    const a = await active('220100', '220102', 4, ['220102']);
    await active('220200', null, 3);
    const res = await request(app).get('/api/service-summary');
    expect(res.status).toBe(200);
    expect(res.body.term).toBe(term);
    expect(res.body.target).toEqual({ commissioners: 1000, enterprises: 1000 });
    expect(res.body.total).toEqual({ key: 'all', commissioners: 2, enterprises: 2, activePairings: 2, confirmedHours: 7 });
    expect(res.body.byCity.map((r: { key: string }) => r.key)).toEqual(['220100', '220200']);
    expect(res.body).not.toHaveProperty('byCounty');
    const text = JSON.stringify(res.body);
    for (const secret of [a.cUser.displayName, a.ent.name, String(a.cUser._id), String(a.ent._id), 'meanRating', '很好']) {
      expect(text).not.toContain(secret);
    }
    expect((await request(app).get(`/api/service-summary?term=${term - 1}`)).body.total.commissioners).toBe(0);
    expect((await request(app).get('/api/service-summary?term=abc')).status).toBe(400);
  });
});
