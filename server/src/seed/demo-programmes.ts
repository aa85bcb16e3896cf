/**
 * The programmes demo (issue 15): the department's calls of 2012–2014 (closed) and one open call of
 * the current year (plus a draft), with applications of demo organisations in every state this
 * module has (draft, submitted, returned with reasons, accepted). Each application is led by an
 * enterprise with a published need, joined by a university or institute whose published result of
 * the same industry it links (产学研); the demo enterprise's and researcher's organisations each
 * keep a draft on the open call. Deterministic (mulberry32); filed applications carry a small PDF
 * for each required document.
 */
import { callInput, type ApplicationStatus, type CallInput, type MilestoneKind } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { mulberry32 } from '../lib/prng';
import { saveUpload } from '../modules/listings/attachment.store';
import { TechNeedModel } from '../modules/needs/need.model';
import { approvedMemberFilter } from '../modules/orgs/membership.rules';
import { ApplicationModel } from '../modules/programmes/application.model';
import { CallModel } from '../modules/programmes/call.model';
import { chinaToday } from '../modules/programmes/programme.dates';
import { ResearchResultModel } from '../modules/results/result.model';
import { UserModel } from '../modules/users/user.model';

const SEED = 1515;
const DAY = 86_400_000;
const PDF = Buffer.from('%PDF-1.4\n% Kezhuan demo document\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

const DESCRIPTION =
  '依据《吉林省促进科技成果转化“十二五”规划》，支持高校、科研院所与企业联合开展科技成果中试熟化、工程化和产业化，' +
  '重点支持汽车、石化、农产品加工、医药、光电子信息、新材料等产业领域，优先支持产学研联合申报和已完成小试以上的成果。';

function call(year: number, over: Partial<CallInput> & Pick<CallInput, 'programmeType' | 'title' | 'opensAt' | 'closesAt'>): CallInput {
  return callInput.parse({
    year,
    description: DESCRIPTION,
    eligibility: { orgTypes: ['enterprise', 'university', 'institute'], cities: [], verifiedRequired: true, resultRequired: true, minMaturity: 'pilot_small', joint: 'favoured' },
    fundingMin: 500_000,
    fundingMax: 2_000_000,
    totalBudget: 50_000_000,
    requiredDocuments: ['项目可行性研究报告'],
    criteria: [{ name: '技术先进性与成熟度', weight: 30 }, { name: '产业化前景与经济效益', weight: 40 }, { name: '产学研合作基础', weight: 15 }, { name: '实施方案与经费合理性', weight: 15 }],
    ...over,
  });
}

/** The calls: three past years (closed) and the current year's open call, plus a draft. */
function demoCalls(now: Date): { input: CallInput; status: 'draft' | 'published' }[] {
  const y = Number(chinaToday(now).slice(0, 4));
  const day = (offset: number) => chinaToday(new Date(now.getTime() + offset * DAY));
  return [
    { status: 'published', input: call(2012, { programmeType: 'key_transformation', title: '2012年度吉林省重点科技成果转化项目申报指南', opensAt: '2012-03-01', closesAt: '2012-04-30' }) },
    {
      status: 'published',
      input: call(2013, {
        programmeType: 'sme_innovation', title: '2013年度吉林省科技型中小企业技术创新基金项目申报指南', opensAt: '2013-03-15', closesAt: '2013-05-15',
        eligibility: { orgTypes: ['enterprise'], cities: [], verifiedRequired: true, resultRequired: false, minMaturity: null, joint: 'favoured' },
        fundingMin: 300_000, fundingMax: 1_000_000, totalBudget: 40_000_000,
      }),
    },
    {
      status: 'published',
      input: call(2014, {
        programmeType: 'major_transformation', title: '2014年度吉林省重大科技成果转化项目申报指南', opensAt: '2014-04-01', closesAt: '2014-06-10',
        eligibility: { orgTypes: ['enterprise'], cities: [], verifiedRequired: true, resultRequired: true, minMaturity: 'pilot', joint: 'required' },
        fundingMin: 2_000_000, fundingMax: 10_000_000, totalBudget: 200_000_000,
      }),
    },
    { status: 'published', input: call(y, { programmeType: 'key_transformation', title: `${y}年度吉林省重点科技成果转化项目申报指南`, opensAt: day(-20), closesAt: day(45) }) },
    {
      status: 'draft',
      input: call(y, {
        programmeType: 'key_research', title: `${y}年度吉林省重点研发项目申报指南（征求意见稿）`, opensAt: day(30), closesAt: day(90),
        eligibility: { orgTypes: ['university', 'institute', 'enterprise'], cities: [], verifiedRequired: true, resultRequired: false, minMaturity: null, joint: 'none' },
      }),
    },
  ];
}

/** States of the applications of each published call, in order (the featured drafts come on top for the open call). */
const STATES: Record<number, ApplicationStatus[]> = {
  0: ['accepted', 'accepted', 'accepted', 'returned', 'accepted', 'returned'],
  1: ['accepted', 'accepted', 'returned', 'accepted', 'accepted'],
  2: ['accepted', 'returned', 'accepted', 'accepted'],
  3: ['submitted', 'submitted', 'returned', 'accepted', 'accepted', 'submitted'],
};

const RETURN_REASONS = [
  { field: '经费预算', reason: '设备购置费未附询价依据，请补充主要设备的报价单。' },
  { field: '考核节点', reason: '投产节点缺少可考核的产能指标，请明确年产能。' },
  { field: '附件材料', reason: '可行性研究报告缺少市场分析章节。' },
];

interface Pair {
  lead: Types.ObjectId;
  partner: Types.ObjectId;
  result: { _id: Types.ObjectId; title: string };
  need: { _id: Types.ObjectId; title: string } | null;
}

export interface DemoProgrammesInput {
  now: Date;
  /** The demo enterprise's and researcher's organisations (each keeps a draft on the open call). */
  featured: { enterprise: Types.ObjectId | null; research: Types.ObjectId | null };
  /** The administrator who wrote the calls and checked the applications. */
  admin: Types.ObjectId;
}

/** Seeds the calls and applications; answers how many of each, by state. */
export async function seedDemoProgrammes(input: DemoProgrammesInput): Promise<{ calls: number; applications: Record<string, number> }> {
  const { now, admin } = input;
  const rand = mulberry32(SEED);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const [results, needs] = await Promise.all([
    ResearchResultModel.find({ status: 'published', maturity: { $in: ['pilot', 'industrial'] } }, { org: 1, title: 1, industry: 1 }).sort({ _id: 1 }).limit(2000).lean(),
    TechNeedModel.find({ status: 'published' }, { org: 1, title: 1, industry: 1 }).sort({ _id: 1 }).lean(),
  ]);
  // Enterprise–research pairs by shared industry (each need once).
  const pairs: Pair[] = [];
  const used = new Set<string>();
  for (const n of needs) {
    const same = results.filter((r) => r.industry === n.industry && !used.has(String(r._id)));
    const r = same.length ? pick(same) : undefined;
    if (r) {
      used.add(String(r._id));
      pairs.push({ lead: n.org, partner: r.org, result: r, need: n });
    }
  }
  const calls = demoCalls(now);
  const callIds: Types.ObjectId[] = [];
  for (const c of calls) {
    const doc = await CallModel.create({ ...c.input, status: c.status, publishedAt: c.status === 'published' ? new Date(`${c.input.opensAt}T00:00:00+08:00`) : null, createdBy: admin });
    callIds.push(doc._id);
  }
  const owners = new Map<string, Types.ObjectId | null>();
  const ownerOf = async (org: Types.ObjectId) => {
    if (!owners.has(String(org))) {
      owners.set(String(org), (await UserModel.findOne(approvedMemberFilter(org), { _id: 1 }).sort({ _id: 1 }).lean())?._id ?? null);
    }
    return owners.get(String(org)) ?? null;
  };
  const counts: Record<string, number> = {};
  let next = 0;
  const rows: Record<string, unknown>[] = [];
  const make = async (ci: number, pair: Pair, status: ApplicationStatus, lead = pair.lead, partner = pair.partner) => {
    const c = calls[ci]!.input;
    const owner = await ownerOf(lead);
    if (!owner) {
      return;
    }
    const requested = Math.round((c.fundingMin + rand() * (c.fundingMax - c.fundingMin)) / 10_000) * 10_000;
    const split = [0.45, 0.25, 0.2, 0.1];
    const items = ['设备购置费', '材料费', '测试化验加工费', '人员劳务费'];
    const budget = items.map((item, i) => ({ item, ownFunds: Math.round((requested * split[i]! * (1 + rand())) / 1000) * 1000, requestedFunds: 0 }));
    let left = requested;
    budget.forEach((b, i) => {
      b.requestedFunds = i === budget.length - 1 ? left : Math.round((requested * split[i]!) / 1000) * 1000;
      left -= b.requestedFunds;
    });
    const start = Date.parse(`${c.year + 1}-01-01T00:00:00Z`);
    const ms = (months: number, kind: MilestoneKind, name: string, target: number) => ({ name, kind, target, dueDate: new Date(start + months * 30 * DAY).toISOString().slice(0, 10) });
    const submittedAt = status === 'draft' ? null : new Date(Date.parse(`${c.opensAt}T02:00:00Z`) + Math.floor(rand() * 20) * DAY);
    const attachments = status === 'draft' ? [] : await Promise.all(c.requiredDocuments.map(async (document) => ({
      key: await saveUpload(PDF), name: `${document}.pdf`, size: PDF.length, mime: 'application/pdf', document, uploadedAt: submittedAt!, uploadedBy: owner,
    })));
    const short = pair.result.title.length > 36 ? `${pair.result.title.slice(0, 36)}…` : pair.result.title;
    rows.push({
      call: callIds[ci], org: lead, owner, status,
      title: `${short}成果转化与产业化`,
      description: `本项目以合作单位的科技成果“${pair.result.title}”为基础${pair.need ? `，解决申报单位技术需求“${pair.need.title}”` : ''}，` +
        '完成中试熟化与工艺定型，建设示范生产线，形成规模化生产能力，带动上下游产业发展。',
      results: [pair.result._id], needs: pair.need && lead.equals(pair.lead) ? [pair.need._id] : [],
      partners: [partner], orgs: [lead, partner], budget,
      milestones: [ms(12, 'pilot', '完成中试', 1), ms(24, 'production', '建成生产线并投产', 1), ms(36, 'revenue', '年销售收入', Math.round(requested / 5000)), ms(36, 'jobs', '新增就业', 20 + Math.floor(rand() * 60)), ms(30, 'patents', '申请发明专利', 2 + Math.floor(rand() * 4))],
      attachments,
      returnReasons: status === 'returned' ? [pick(RETURN_REASONS)] : [],
      submittedAt,
      checkedAt: status === 'accepted' || status === 'returned' ? new Date(submittedAt!.getTime() + 7 * DAY) : null,
      checkedBy: status === 'accepted' || status === 'returned' ? admin : null,
      createdAt: submittedAt ?? now,
      updatedAt: submittedAt ?? now,
    });
    counts[status] = (counts[status] ?? 0) + 1;
  };
  const taken = new Set<string>();
  const key = (ci: number, org: Types.ObjectId) => `${ci}:${String(org)}`;
  // The featured drafts on the open call: the demo enterprise leads with a university or institute
  // partner and one of its results; the demo researcher's organisation leads with an enterprise partner.
  const openCall = 3;
  const fe = input.featured.enterprise;
  const fr = input.featured.research;
  if (fe) {
    const p = pairs.find((x) => x.lead.equals(fe)) ?? (pairs[0] ? { ...pairs[0], lead: fe, need: null } : undefined);
    if (p) {
      await make(openCall, p, 'draft', fe, p.partner);
      taken.add(key(openCall, fe));
    }
  }
  if (fr) {
    const r = results.find((x) => x.org.equals(fr));
    const partner = pairs.find((x) => !x.lead.equals(fe ?? x.partner))?.lead;
    if (r && partner) {
      await make(openCall, { lead: fr, partner, result: r, need: null }, 'draft', fr, partner);
      taken.add(key(openCall, fr));
    }
  }
  for (const [ci, states] of Object.entries(STATES).map(([k, v]) => [Number(k), v] as const)) {
    for (const status of states) {
      let tries = 0;
      while (tries < pairs.length) {
        const p = pairs[next++ % Math.max(pairs.length, 1)]!;
        tries += 1;
        if (!taken.has(key(ci, p.lead))) {
          taken.add(key(ci, p.lead));
          await make(ci, p, status);
          break;
        }
      }
    }
  }
  if (rows.length) {
    await ApplicationModel.insertMany(rows, { lean: true });
  }
  return { calls: calls.length, applications: counts };
}
