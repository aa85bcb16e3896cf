/**
 * Financing demo data (issue 16): six plausible financial organisations of Jilin (fictional, marked
 * 示范; no claim about any real institution's products), ~20 products across the plan's five
 * instruments (知识产权质押, 信用担保, 科技保险, 融资租赁, 创业投资), the demo financier account, and
 * applications from demo enterprises in every state with their threads. Deterministic.
 */
import { makeUscc, type CityCode, type FinancialOrgKind, type FinancingApplicationStatus, type FinancingProductKind } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { FinancialProfileModel, FinancingApplicationModel, FinancingProductModel, type FinancingApplicationRecord } from '../modules/financing/financing.model';
import { OrgModel, orgNameKey } from '../modules/orgs/org.model';
import { TechNeedModel } from '../modules/needs/need.model';
import { UserModel } from '../modules/users/user.model';
import { mulberry32 } from '../lib/prng';
import { DEMO_FINANCIER_ACCOUNT } from './demo-accounts';

export { DEMO_FINANCIER_ACCOUNT };

export const DEMO_FINANCIAL_ORGS: { name: string; kind: FinancialOrgKind; city: CityCode; body: string }[] = [
  { name: '吉林银行长春科技支行（示范）', kind: 'bank', city: '220100', body: 'MA0JR0001' },
  { name: '吉林省科技融资担保有限公司（示范）', kind: 'guarantor', city: '220100', body: 'MA0JR0002' },
  { name: '长春科技风险投资有限公司（示范）', kind: 'investor', city: '220100', body: 'MA0JR0003' },
  { name: '吉林科技保险服务中心（示范）', kind: 'insurer', city: '220100', body: 'MA0JR0004' },
  { name: '吉林市中小企业融资租赁有限公司（示范）', kind: 'leasing', city: '220200', body: 'MA0JR0005' },
  { name: '延边州科技金融服务有限公司（示范）', kind: 'guarantor', city: '222400', body: 'MA0JR0006' },
];

interface DemoProduct {
  org: number;
  kind: FinancingProductKind;
  title: string;
  description: string;
  maturities?: string[];
  industries?: string[];
  cities?: string[];
  amount: [number | null, number | null];
  term?: [number, number];
  rate: string;
  documents: string[];
}

const W = 10_000;
const IP_DOCS = ['营业执照', '专利证书及缴费凭证', '近两年财务报表', '知识产权评估报告'];
const BASIC_DOCS = ['营业执照', '近两年财务报表', '项目说明'];

/** Demo products; amounts in yuan. An empty condition means any. */
const PRODUCTS: DemoProduct[] = [
  { org: 0, kind: 'ip_pledge', title: '科技成果知识产权质押贷款', description: '以企业已授权的发明专利、实用新型专利质押，为科技型中小企业提供流动资金和成果转化贷款，评估、登记全程线上办理。', maturities: ['pilot', 'industrial'], amount: [50 * W, 1000 * W], term: [6, 36], rate: 'LPR+30BP 起，省级贴息后更低', documents: IP_DOCS },
  { org: 0, kind: 'ip_pledge', title: '专利权质押“科创贷”（小额快贷）', description: '面向拥有授权专利的初创科技企业，额度小、审批快，可与省科技厅贴息政策叠加。', amount: [10 * W, 300 * W], term: [6, 24], rate: 'LPR+50BP', documents: IP_DOCS },
  { org: 0, kind: 'credit_guarantee', title: '成果转化项目信用贷款（担保增信）', description: '与省科技融资担保合作，企业无需抵押，依托转化合同和担保增信获得项目贷款。', maturities: ['pilot', 'industrial'], cities: ['220100', '220200'], amount: [100 * W, 2000 * W], term: [12, 36], rate: 'LPR+60BP，担保费另计', documents: BASIC_DOCS },
  { org: 0, kind: 'leasing', title: '中试设备按揭贷款', description: '为企业购置中试线和检测设备提供分期贷款，设备本身作为还款保障。', maturities: ['pilot_small', 'pilot'], amount: [50 * W, 800 * W], term: [12, 48], rate: 'LPR+80BP', documents: ['营业执照', '设备采购合同', '近两年财务报表'] },
  { org: 1, kind: 'credit_guarantee', title: '科技型中小企业融资担保', description: '为科技型中小企业向合作银行申请贷款提供连带责任保证，担保费率享受省级降费补贴。', amount: [50 * W, 1000 * W], term: [6, 36], rate: '年担保费率 1.0%', documents: BASIC_DOCS },
  { org: 1, kind: 'credit_guarantee', title: '技术合同登记企业“见贷即保”', description: '已在平台登记技术合同的企业，凭合同向合作银行申请贷款，担保机构批量审批。', maturities: ['pilot', 'industrial'], amount: [100 * W, 500 * W], term: [12, 24], rate: '年担保费率 0.8%', documents: ['营业执照', '技术合同登记证明'] },
  { org: 1, kind: 'ip_pledge', title: '知识产权质押融资反担保', description: '以专利权作反担保措施，为质押贷款提供担保增信，解决评估值不足的问题。', maturities: ['pilot', 'industrial'], amount: [100 * W, 1500 * W], term: [12, 36], rate: '年担保费率 1.2%', documents: IP_DOCS },
  { org: 1, kind: 'credit_guarantee', title: '农业科技企业专项担保', description: '面向农业、食品加工领域的科技企业，支持良种繁育、农产品深加工技术转化。', industries: ['A01', 'C13', 'C14'], amount: [30 * W, 500 * W], term: [6, 24], rate: '年担保费率 0.8%', documents: BASIC_DOCS },
  { org: 2, kind: 'venture', title: '早期科技项目天使投资', description: '投资高校院所科研团队和初创企业的早期项目，单笔投资并提供创业辅导和后续融资对接。', maturities: ['lab', 'pilot_small'], amount: [100 * W, 500 * W], rate: '股权投资，占股 10%–20%', documents: ['商业计划书', '团队介绍', '知识产权清单'] },
  { org: 2, kind: 'venture', title: '成果转化成长期股权投资', description: '投资已完成中试、进入产业化阶段的科技企业，重点支持汽车零部件、光电、新材料和生物医药。', maturities: ['pilot', 'industrial'], industries: ['C36', 'C39', 'C26', 'C27', 'C28', 'C30'], amount: [500 * W, 5000 * W], rate: '股权投资，按估值协商', documents: ['商业计划书', '近三年财务报表', '技术合同或订单'] },
  { org: 2, kind: 'venture', title: '“科转”作价入股跟投基金', description: '对以科技成果作价入股设立的企业跟投，与科研团队共担风险。', maturities: ['pilot_small', 'pilot'], amount: [200 * W, 1000 * W], rate: '股权投资，与作价入股同股同价', documents: ['作价入股协议', '成果评估报告', '商业计划书'] },
  { org: 2, kind: 'venture', title: '投贷联动科技企业认股权贷款', description: '与合作银行联动，银行发放贷款、投资机构获得认股选择权，适合快速成长期企业。', maturities: ['industrial'], amount: [300 * W, 3000 * W], term: [12, 36], rate: '贷款 LPR+40BP，另附认股权', documents: ['商业计划书', '近两年财务报表'] },
  { org: 3, kind: 'tech_insurance', title: '研发费用损失保险', description: '为企业研发项目因技术原因失败造成的研发费用损失提供保障，保费享受科技保险补贴。', amount: [null, 1000 * W], rate: '年费率 1.5%–3%', documents: ['研发项目立项书', '研发费用预算'] },
  { org: 3, kind: 'tech_insurance', title: '首台（套）重大技术装备综合险', description: '为首台（套）装备的质量风险和责任风险提供保障，降低用户采用新装备的顾虑。', maturities: ['pilot', 'industrial'], industries: ['C34', 'C35', 'C36', 'C38', 'C39', 'C40'], amount: [100 * W, 5000 * W], rate: '年费率 1%–3%，省级补贴 80%', documents: ['首台（套）认定文件', '装备技术说明'] },
  { org: 3, kind: 'tech_insurance', title: '知识产权侵权责任保险', description: '为企业实施转化成果过程中被诉专利侵权产生的赔偿和诉讼费用提供保障。', amount: [null, 500 * W], rate: '年费率 2%', documents: ['营业执照', '知识产权清单'] },
  { org: 3, kind: 'tech_insurance', title: '科技成果转化履约保证保险', description: '为技术合同的履约提供保证保险，替代保证金，缓解企业资金占用。', maturities: ['pilot', 'industrial'], amount: [20 * W, 500 * W], term: [6, 24], rate: '年费率 0.8%', documents: ['技术合同', '营业执照'] },
  { org: 4, kind: 'leasing', title: '中试线设备直租', description: '按企业选定的中试和检测设备代为购买并出租，租期结束后设备归企业所有。', maturities: ['pilot_small', 'pilot'], cities: ['220100', '220200', '220300'], amount: [100 * W, 2000 * W], term: [24, 60], rate: '综合年化 5.5% 起', documents: ['营业执照', '设备清单与报价', '近两年财务报表'] },
  { org: 4, kind: 'leasing', title: '生产设备售后回租', description: '企业将已有生产设备出售给租赁公司再租回使用，盘活存量资产用于成果产业化。', maturities: ['industrial'], amount: [300 * W, 5000 * W], term: [24, 60], rate: '综合年化 6% 起', documents: ['设备权属证明', '近三年财务报表'] },
  { org: 5, kind: 'credit_guarantee', title: '延边州科技企业融资担保', description: '服务延边州科技型中小企业，支持长白山特色资源、医药和边贸产业的技术转化。', cities: ['222400'], amount: [20 * W, 500 * W], term: [6, 24], rate: '年担保费率 1.0%', documents: BASIC_DOCS },
  { org: 5, kind: 'ip_pledge', title: '延边州专利质押融资', description: '与州内银行合作，专利质押融资享受州级贴息，适用于延边州企业。', cities: ['222400'], amount: [10 * W, 300 * W], term: [6, 24], rate: 'LPR+50BP，州级贴息 50%', documents: IP_DOCS },
];

type Step = FinancingApplicationRecord['thread'][number];

interface DemoApplication {
  product: number;
  status: FinancingApplicationStatus;
  /** The demo enterprise account's own organisation (index 0) or another demo enterprise's. */
  enterprise: number;
  amount: number;
  purpose: string;
  thread: { kind: Step['kind']; side: Step['side']; note: string | null }[];
  terms?: { amount: number; termMonths: number; rateText: string };
}

const APPLICATIONS: DemoApplication[] = [
  { product: 0, status: 'submitted', enterprise: 0, amount: 300 * W, purpose: '一体化压铸中试线模具采购', thread: [{ kind: 'apply', side: 'applicant', note: '一体化压铸中试线模具采购' }] },
  { product: 4, status: 'reviewing', enterprise: 1, amount: 500 * W, purpose: '碳纤维预浸料生产线流动资金', thread: [{ kind: 'apply', side: 'applicant', note: '碳纤维预浸料生产线流动资金' }, { kind: 'review', side: 'provider', note: '已受理，我们将在5个工作日内完成尽调' }] },
  { product: 0, status: 'info_requested', enterprise: 2, amount: 200 * W, purpose: '光电检测设备升级', thread: [{ kind: 'apply', side: 'applicant', note: '光电检测设备升级' }, { kind: 'request_info', side: 'provider', note: '请补充质押专利的评估报告和近两年审计报告' }] },
  { product: 9, status: 'approved', enterprise: 0, amount: 1000 * W, purpose: '电池包壳体产业化扩产', thread: [{ kind: 'apply', side: 'applicant', note: '电池包壳体产业化扩产' }, { kind: 'review', side: 'provider', note: null }, { kind: 'approve', side: 'provider', note: '投委会已通过，条款见批准条件' }], terms: { amount: 800 * W, termMonths: 36, rateText: '股权投资，占股 12%' } },
  { product: 16, status: 'declined', enterprise: 3, amount: 3000 * W, purpose: '新建产线设备租赁', thread: [{ kind: 'apply', side: 'applicant', note: '新建产线设备租赁' }, { kind: 'decline', side: 'provider', note: '申请金额超出本产品额度上限，建议改申请售后回租产品' }] },
  { product: 12, status: 'withdrawn', enterprise: 1, amount: 200 * W, purpose: '复合材料研发项目保险', thread: [{ kind: 'apply', side: 'applicant', note: '复合材料研发项目保险' }, { kind: 'withdraw', side: 'applicant', note: null }] },
  { product: 2, status: 'approved', enterprise: 2, amount: 600 * W, purpose: '成果转化项目量产', thread: [{ kind: 'apply', side: 'applicant', note: '成果转化项目量产' }, { kind: 'request_info', side: 'provider', note: '请提供技术合同登记证明' }, { kind: 'reply', side: 'applicant', note: '已在平台完成技术合同登记，编号见附件' }, { kind: 'approve', side: 'provider', note: null }], terms: { amount: 500 * W, termMonths: 24, rateText: 'LPR+50BP' } },
];

export interface DemoFinancingCounts {
  orgs: number;
  products: number;
  applications: number;
}

/**
 * Seeds the financing demo. `enterprises`: demo enterprise organisations, the demo enterprise
 * account's first; each applicant is an approved member (the first found) of its enterprise.
 */
export async function seedDemoFinancing(opts: { now: Date; enterprises: readonly Types.ObjectId[]; passwordHash: string }): Promise<DemoFinancingCounts> {
  const rnd = mulberry32(16);
  const DAY = 86_400_000;
  const orgIds: Types.ObjectId[] = [];
  for (const o of DEMO_FINANCIAL_ORGS) {
    const uscc = makeUscc('91', o.city, o.body);
    const doc = (await OrgModel.findOne({ uscc })) ?? (await OrgModel.create({ name: o.name, nameKey: orgNameKey(o.name), type: 'financial', uscc, city: o.city, verified: true, verifiedAt: opts.now, verificationState: 'verified' }));
    orgIds.push(doc._id);
    await FinancialProfileModel.updateOne({ org: doc._id }, { $set: { kind: o.kind } }, { upsert: true });
  }
  const a = DEMO_FINANCIER_ACCOUNT;
  const financier = (await UserModel.findOne({ email: a.email })) ?? (await UserModel.create({ ...a, passwordHash: opts.passwordHash, org: orgIds[0], orgRole: 'manager', orgStatus: 'active' }));
  // The other organisations' products are published by a staff member each (not a login account).
  const staff: Types.ObjectId[] = [financier._id];
  for (let i = 1; i < orgIds.length; i++) {
    const u = await UserModel.create({ email: `finance-staff${i}@demo.kezhuan.cn`, phone: `1390431${String(9000 + i)}`, displayName: `信贷专员${i}`, role: 'financier', passwordHash: opts.passwordHash, org: orgIds[i], orgRole: 'manager', orgStatus: 'active' });
    staff.push(u._id);
  }
  // Raw inserts keep the staggered dates (the model's timestamps would stamp them all now).
  const inserted = await FinancingProductModel.collection.insertMany(
    PRODUCTS.map((p, i) => {
      const at = new Date(opts.now.getTime() - (i * 2 + Math.floor(rnd() * 5)) * DAY);
      return {
        org: orgIds[p.org], kind: p.kind, title: p.title, description: p.description,
        conditions: {
          maturities: p.maturities ?? [], industries: p.industries ?? [], cities: p.cities ?? [], amountMin: p.amount[0], amountMax: p.amount[1],
          termMonthsMin: p.term?.[0] ?? null, termMonthsMax: p.term?.[1] ?? null, rateText: p.rate, documents: p.documents,
        },
        status: 'active', createdBy: staff[p.org], updatedBy: staff[p.org], createdAt: at, updatedAt: at, __v: 0,
      };
    }) as never[],
  );
  const products = PRODUCTS.map((_, i) => ({ _id: inserted.insertedIds[i] as Types.ObjectId }));
  let made = 0;
  for (const [i, app] of APPLICATIONS.entries()) {
    const org = opts.enterprises[app.enterprise];
    const product = PRODUCTS[app.product]!;
    const doc = products[app.product];
    if (!org || !doc) {
      continue;
    }
    const applicant = await UserModel.findOne({ org, role: 'enterprise', orgStatus: { $ne: 'pending' } }, { _id: 1 }).sort({ orgRole: 1, _id: 1 }).lean();
    if (!applicant) {
      continue;
    }
    const need = await TechNeedModel.findOne({ org, status: 'published' }, { title: 1 }).lean();
    const start = opts.now.getTime() - (20 - i * 2) * DAY;
    const thread = app.thread.map((s, k) => ({ ...s, by: s.side === 'applicant' ? applicant._id : staff[product.org]!, at: new Date(start + k * 1.5 * DAY) }));
    const last = thread[thread.length - 1]!.at;
    await FinancingApplicationModel.collection.insertOne({
      product: doc._id, productKind: product.kind, productTitle: product.title, provider: orgIds[product.org], applicantOrg: org, applicant: applicant._id,
      amount: app.amount, termMonths: product.term?.[0] ?? null, purpose: app.purpose, link: need ? { kind: 'need', id: need._id, title: need.title } : null,
      status: app.status, terms: app.terms ?? null, thread, createdAt: new Date(start), updatedAt: last, __v: 0,
    } as never);
    made++;
  }
  return { orgs: orgIds.length, products: products.length, applications: made };
}
