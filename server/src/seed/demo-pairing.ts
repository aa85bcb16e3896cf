/**
 * Demo data of the 双千 action: a few hundred science commissioners approved for the current term
 * and a few hundred open enterprise service requests across Jilin's 9 divisions and their counties.
 *
 * Made from the same seeded instance `npm run bench:pairing` uses (pairing/bench-real.ts): each
 * commissioner's expertise is a ChinaXiv paper's keywords, title and institution (the paper already
 * assigned to a Jilin institution by the demo builder), and each request is a Jilin demo need's
 * problem, placed in a county. The requests come from fictional enterprises named after the need's
 * enterprise and the county (农安宏远汽车零部件有限公司 …), one staff account each. Two accounts to
 * log in with (DEMO_PAIRING_ACCOUNTS, the demo password): an approved commissioner and an enterprise
 * manager with open requests from its needs — apart from the per-role demo accounts, whose state other flows
 * and tests start from. One confirmed pairing run over the pool, with answers, agreements, service
 * log and ratings (demo-pairing-run.ts); the two 双千 demo accounts stay out of it (unpaired).
 * Deterministic (mulberry32), written with bulk inserts.
 */
import { CITIES, COUNTIES, countyByCode, makeUscc, type CityCode } from '@kezhuan/shared';
import { Types } from 'mongoose';
import { mulberry32 } from '../lib/prng';
import { CommissionerModel } from '../modules/commissioners/commissioner.model';
import { currentTerm } from '../modules/commissioners/commissioner.queries';
import { realInstance } from '../modules/pairing/bench-real';
import { OrgModel, orgNameKey } from '../modules/orgs/org.model';
import { ServiceRequestModel } from '../modules/service-requests/service-request.model';
import { UserModel } from '../modules/users/user.model';
import { DEMO_NEEDS } from './data/jilin-needs';
import { DEMO_PAIRING_ACCOUNTS } from './demo-accounts';
import { seedDemoPairingRun, type DemoRunCounts } from './demo-pairing-run';
import { DEMO_ORGS } from './demo-orgs';

export { DEMO_PAIRING_ACCOUNTS };

export const DEMO_PAIRING = { seed: 13, commissioners: 300, requests: 300 } as const;

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建国志红文斌宇浩凯健俊帆鹏飞博远晨阳雪梅琳岩松海波';
const URGENCIES = ['low', 'normal', 'normal', 'high', 'urgent'] as const;
const CITY_PREFIX = /^(长春|吉林市|四平|辽源|通化|白山|松原|白城|延边)/;

/** 前郭尔罗斯蒙古族自治县 → 前郭, 九台区 → 九台, 珲春市 → 珲春. */
function shortName(zh: string): string {
  const special: Record<string, string> = { 伊通满族自治县: '伊通', 前郭尔罗斯蒙古族自治县: '前郭', 长白朝鲜族自治县: '长白' };
  return special[zh] ?? (zh.length > 2 ? zh.slice(0, -1) : zh);
}

const cityShort = (code: string) => (CITIES.find((c) => c.code === code)?.zh ?? '').replace(/(市|朝鲜族自治州)$/, '');

export interface DemoPairingContext {
  now: Date;
  /** DEMO_ORGS' ids, by index. */
  orgIds: Types.ObjectId[];
  /** The demo accounts' ids by their DEMO_ORGS index. */
  accounts: ReadonlyMap<number, Types.ObjectId>;
  /** A password hash nobody knows (staff accounts are not for login). */
  staffHash: string;
  /** The demo password's hash (the two 双千 demo accounts). */
  passwordHash: string;
}

/** Seeds the commissioners and requests; returns how many of each. */
export async function seedDemoPairing(ctx: DemoPairingContext): Promise<{ commissioners: number; requests: number; enterprises: number; run: DemoRunCounts | null; stages: string }> {
  const { now, orgIds, accounts, staffHash, passwordHash } = ctx;
  const t0 = performance.now();
  const term = currentTerm(now);
  const rnd = mulberry32(DEMO_PAIRING.seed * 7919);
  const inst = realInstance(DEMO_PAIRING.seed, DEMO_PAIRING.commissioners, Math.round(DEMO_PAIRING.requests * 1.5), 1);
  const orgOfName = new Map(DEMO_ORGS.map((o, i) => [o.name, orgIds[i]!]));
  const adminId = accounts.get(0) ?? null;
  const personName = () => `${SURNAMES[Math.floor(rnd() * SURNAMES.length)]}${GIVEN[Math.floor(rnd() * GIVEN.length)]}${rnd() < 0.6 ? GIVEN[Math.floor(rnd() * GIVEN.length)] : ''}`;
  const DAY = 86_400_000;

  // Commissioners: one researcher account each, in the paper's institution.
  const users: Record<string, unknown>[] = [];
  const commissioners: Record<string, unknown>[] = [];
  const approval = (id: Types.ObjectId, org: Types.ObjectId, i: number) => {
    const at = new Date(now.getTime() - ((i * 13) % 60) * DAY - 3_600_000);
    return {
      org, term, status: 'approved', orgStakes: [], stakes: [], returnReason: null,
      endorsement: { endorsed: true, by: id, byName: '单位科研处', at, note: null },
      submittedAt: new Date(at.getTime() - 7 * DAY), approvedAt: at, approvedBy: adminId, createdAt: at, updatedAt: at,
    };
  };
  const serveCities = (cities: readonly string[], counties: readonly string[]) => [...new Set([...cities, ...counties.map((c) => countyByCode(c)!.city)])];
  inst.commissioners.forEach((c, j) => {
    const org = orgOfName.get(c.org);
    if (!org || c.disciplines.length === 0 || c.industries.length === 0) {
      return;
    }
    const user = new Types.ObjectId();
    users.push({
      _id: user, email: `commissioner-${j}@demo.kezhuan.cn`, phone: `1370431${String(j).padStart(4, '0')}`, displayName: personName(),
      title: rnd() < 0.5 ? '教授' : rnd() < 0.6 ? '研究员' : '副教授', role: 'researcher', org, orgRole: 'member', orgStatus: 'active', passwordHash: staffHash,
    });
    commissioners.push({
      user, expertise: c.expertise, keywords: c.keywords, disciplines: c.disciplines, industries: c.industries, cities: c.cities, counties: c.counties,
      serveCities: serveCities(c.cities, c.counties), capacity: c.capacity,
      availability: { daysPerMonth: 2 + Math.floor(rnd() * 6), note: rnd() < 0.3 ? '寒暑假可驻企' : '' }, ...approval(user, org, j),
    });
  });
  // The 双千 demo commissioner (长春应化所) is approved too, in his institute's field.
  const dc = DEMO_PAIRING_ACCOUNTS.commissioner;
  const dcUser = new Types.ObjectId();
  users.push({ _id: dcUser, email: dc.email, phone: dc.phone, displayName: dc.displayName, title: '研究员', role: dc.role, org: orgIds[dc.org], orgRole: 'member', orgStatus: 'active', passwordHash });
  commissioners.push({
    user: dcUser, expertise: '中国科学院长春应用化学研究所，研究方向：高分子材料、生物降解塑料、稀土功能材料、碳纤维复合材料。可为企业解决材料配方、成型工艺与性能检测问题。',
    keywords: ['高分子材料', '生物降解', '稀土', '碳纤维', '复合材料'], disciplines: ['150', '430'], industries: ['C26', 'C29', 'C36'],
    cities: ['220100', '220200'], counties: ['220722'], serveCities: ['220100', '220200', '220700'], capacity: 3, availability: { daysPerMonth: 4, note: '每月可驻企四天' },
    ...approval(dcUser, orgIds[dc.org]!, 0),
  });

  // Requests: fictional enterprises per (need's enterprise, county), a staff account each.
  const needByTitle = new Map(DEMO_NEEDS.map((n) => [n.title, n]));
  const orgsByKey = new Map<string, { _id: Types.ObjectId; staff: Types.ObjectId }>();
  const newOrgs: Record<string, unknown>[] = [];
  const requests: Record<string, unknown>[] = [];
  const seenTitles = new Set<string>();
  for (const r of inst.requests) {
    if (requests.length >= DEMO_PAIRING.requests) {
      break;
    }
    const need = needByTitle.get(r.title);
    const county = r.county ? countyByCode(r.county)! : COUNTIES.filter((c) => c.city === r.city)[0]!;
    if (!need) {
      continue;
    }
    const key = `${need.enterprise}|${county.code}`;
    let ent = orgsByKey.get(key);
    if (!ent) {
      const n = orgsByKey.size;
      const place = county.kind === 'district' ? `${cityShort(county.city)}${shortName(county.zh)}` : shortName(county.zh);
      const name = `${place}${need.enterprise.replace(CITY_PREFIX, '')}`;
      ent = { _id: new Types.ObjectId(), staff: new Types.ObjectId() };
      orgsByKey.set(key, ent);
      newOrgs.push({
        _id: ent._id, name, nameKey: orgNameKey(name), type: 'enterprise', city: county.city as CityCode,
        uscc: makeUscc('91', county.city, `MC${String(n).padStart(7, '0')}`), verified: true, verificationState: 'verified', verifiedAt: now, createdBy: ent.staff,
      });
      users.push({
        _id: ent.staff, email: `enterprise-${n}@demo.kezhuan.cn`, phone: `1360431${String(n).padStart(4, '0')}`, displayName: `${personName()}（技术部）`,
        role: 'enterprise', org: ent._id, orgRole: 'manager', orgStatus: 'active', passwordHash: staffHash,
      });
    }
    const titleKey = `${String(ent._id)}|${r.title}`;
    if (seenTitles.has(titleKey)) {
      continue;
    }
    seenTitles.add(titleKey);
    const i = requests.length;
    const openedAt = new Date(now.getTime() - ((i * 7) % 45) * DAY - 7_200_000);
    requests.push({
      org: ent._id, owner: ent.staff, status: 'open', title: r.title, problem: r.problem, industry: r.industry, city: county.city, county: r.county ? county.code : null,
      keywords: r.keywords, urgency: URGENCIES[Math.floor(rnd() * URGENCIES.length)], preferred: [], excluded: [], need: null,
      openedAt, closedAt: null, createdAt: openedAt, updatedAt: openedAt,
    });
  }
  // The 双千 demo enterprise manager's own requests, from its enterprise's needs.
  const de = DEMO_PAIRING_ACCOUNTS.enterprise;
  const deUser = new Types.ObjectId();
  users.push({ _id: deUser, email: de.email, phone: de.phone, displayName: de.displayName, role: de.role, org: orgIds[de.org], orgRole: 'manager', orgStatus: 'active', passwordHash });
  DEMO_NEEDS.filter((n) => n.enterprise === DEMO_ORGS[de.org]!.name).slice(0, 3).forEach((n, k) => {
    const openedAt = new Date(now.getTime() - (k + 1) * 3 * DAY);
    requests.push({
      org: orgIds[de.org], owner: deUser, status: 'open', title: n.title, problem: `${n.problem}${n.desiredOutcome}`, industry: n.industry, city: n.city,
      county: COUNTIES.find((c) => c.city === n.city && c.kind === 'district')?.code ?? null, keywords: n.keywords.slice(0, 5), urgency: k === 0 ? 'high' : 'normal',
      preferred: [], excluded: [], need: null, openedAt, closedAt: null, createdAt: openedAt, updatedAt: openedAt,
    });
  });

  const marks = [`build ${Math.round(performance.now() - t0)}`];
  const timed = async (label: string, model: { insertMany(docs: object[]): Promise<unknown> }, docs: Record<string, unknown>[]) => {
    const t = performance.now();
    for (let k = 0; k < docs.length; k += 500) {
      await model.insertMany(docs.slice(k, k + 500));
    }
    marks.push(`${label} ${Math.round(performance.now() - t)}`);
  };
  await timed('orgs', OrgModel, newOrgs);
  await timed('users', UserModel, users);
  // The pool first; one confirmed run pairs it (demo-pairing-run.ts); then the two 双千 demo accounts'
  // own commissioner and requests, which stay unpaired (approved / open) for the flows that start from them.
  const own = (d: Record<string, unknown>) => d.user === dcUser || d.owner === deUser;
  await timed('commissioners', CommissionerModel, commissioners.filter((d) => !own(d)));
  await timed('requests', ServiceRequestModel, requests.filter((d) => !own(d)));
  const t = performance.now();
  const run = await seedDemoPairingRun(now, term, adminId);
  marks.push(`run+confirm+service log ${Math.round(performance.now() - t)} (confirm ${Math.round(run?.confirmMs ?? 0)})`);
  await timed('demo accounts', CommissionerModel, commissioners.filter(own));
  await timed('demo requests', ServiceRequestModel, requests.filter(own));
  return { commissioners: commissioners.length, requests: requests.length, enterprises: newOrgs.length, run, stages: `${marks.join(', ')} ms` };
}
