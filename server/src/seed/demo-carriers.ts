/**
 * Demo innovation carriers from the plan (吉林省科技成果转化"十二五"规划 二(二), 三): the six
 * high-tech industry bases it names first, the automobile and maize-processing alliances it builds
 * on (and a new-materials one being formed), 一汽's academician workstation, 长春光机所's
 * photoelectronics incubator, key laboratories, innovation centres, innovative enterprises and
 * talents of the demo organisations, in every lifecycle state (submitted, returned, rejected,
 * recognised with accepted / pending / overdue yearly reports, warned, revoked). Deterministic:
 * fixed dates of recognition, figures from a seeded PRNG, reports relative to `now`'s due year.
 * 一汽 (中国第一汽车集团有限公司) is added as an organisation when missing (it is not among DEMO_ORGS).
 */
import { CARRIER_TYPE_INFO, makeUscc, type CarrierDetails, type CarrierStatus, type CityCode } from '@kezhuan/shared';
import { Types } from 'mongoose';
import { mulberry32 } from '../lib/prng';
import { CarrierModel, type CarrierReport, type CarrierStep } from '../modules/carriers/carrier.model';
import { beijingYear, dueReportYear, namedOrgs, placeOf } from '../modules/carriers/carrier.rules';
import { OrgModel, orgNameKey } from '../modules/orgs/org.model';
import { UserModel } from '../modules/users/user.model';

export const FAW = { name: '中国第一汽车集团有限公司', uscc: makeUscc('91', '220100', 'MA0FAW001') } as const;

interface DemoCarrier {
  name: string;
  org: string;
  summary: string;
  details: (ids: (name: string) => string) => CarrierDetails;
  status: CarrierStatus;
  /** Date of recognition (recognised, warned, revoked). */
  on?: string;
  /** 'accepted' reports up to the due year, 'pending' the due year's awaits acceptance, 'overdue' none for it. */
  reports?: 'accepted' | 'pending' | 'overdue';
  reason?: string;
}

const GOV = '吉林省科学技术厅';
const ENT = {
  carbon: '吉林市江城碳纤维复合材料有限公司', hongyuan: '长春宏远汽车零部件有限公司', huaguang: '长春华光光电科技有限公司', ginseng: '通化长白山参业药业有限公司',
  maize: '松原金穗玉米生物科技有限公司', petro: '吉林市北方石化新材料有限公司', rail: '长春轨道交通装备配套有限公司', heat: '四平东北换热装备有限公司',
};

export const DEMO_CARRIERS: DemoCarrier[] = [
  // The first six high-tech industry bases (三(三)).
  { name: '碳纤维产业基地', org: GOV, status: 'recognised', on: '2012-06-18', reports: 'accepted', summary: '以吉林市化学工业循环经济示范区为依托，建设涵盖原丝、碳丝和碳纤维复合材料及应用“三位一体”的碳纤维产业基地，打造中国“碳谷”。', details: (id) => ({ type: 'industry_base', city: '220200', industry: 'C28', enterprises: [id(ENT.carbon), id(ENT.petro)] }) },
  { name: '汽车电子产业基地', org: GOV, status: 'recognised', on: '2012-06-18', reports: 'pending', summary: '围绕汽车电子控制与安全设备、汽车信息技术系统、新能源汽车电控系统，形成以企业为主体、产学研结合的汽车电子产业创新体系。', details: (id) => ({ type: 'industry_base', city: '220100', industry: 'C36', enterprises: [id(ENT.hongyuan), id(FAW.name)] }) },
  { name: '医药产业基地', org: GOV, status: 'recognised', on: '2012-06-18', reports: 'accepted', summary: '依托长白山中药材资源和龙头企业，发展现代中药、生物制药、化学药和医疗器械，推进人参、梅花鹿等道地药材产业。', details: (id) => ({ type: 'industry_base', city: '220500', industry: 'C27', enterprises: [id(ENT.ginseng)] }) },
  { name: '玉米生物化工产业基地', org: GOV, status: 'warning', on: '2012-06-18', reports: 'overdue', reason: '年度报告未按期提交，请于三个月内整改', summary: '依托玉米深加工的技术和产业优势，提升玉米生物化工、秸秆及加工副产物综合利用的创新能力。', details: (id) => ({ type: 'industry_base', city: '220700', industry: 'C14', enterprises: [id(ENT.maize)] }) },
  { name: '光电子产业孵化基地', org: GOV, status: 'recognised', on: '2012-06-18', reports: 'accepted', summary: '依托中科院长春光机所的技术和人才优势，形成光学材料、电子元器件、光电医疗仪器等光电产业集群。', details: (id) => ({ type: 'industry_base', city: '220100', industry: 'C39', enterprises: [id(ENT.huaguang)] }) },
  { name: '中俄暨独联体国家科技合作基地', org: GOV, status: 'recognised', on: '2013-03-12', reports: 'accepted', summary: '以电子信息和新材料产业合作为重点，建成集高新技术研究、开发、孵化为一体的国际科技合作基地。', details: (id) => ({ type: 'industry_base', city: '220100', industry: 'I', enterprises: [id(ENT.rail)] }) },
  // Alliances (三(一)2): the automobile and maize-processing ones, and a new-materials one applying.
  { name: '汽车产业技术创新战略联盟', org: FAW.name, status: 'recognised', on: '2011-09-20', reports: 'accepted', summary: '由一汽牵头，联合吉林大学等高校院所和零部件企业，开展汽车共性关键技术联合攻关。', details: (id) => ({ type: 'alliance', industry: 'C36', members: [id('吉林大学'), id(ENT.hongyuan), id(ENT.rail)] }) },
  { name: '玉米加工产业技术创新战略联盟', org: ENT.maize, status: 'recognised', on: '2011-09-20', reports: 'accepted', summary: '联合吉林农业大学、长春应化所和玉米深加工企业，攻关玉米生物化工和副产物综合利用技术。', details: (id) => ({ type: 'alliance', industry: 'C14', members: [id('吉林农业大学'), id('中国科学院长春应用化学研究所')] }) },
  { name: '吉林省新材料产业技术创新战略联盟', org: ENT.carbon, status: 'submitted', summary: '围绕碳纤维、高分子和硅藻土新材料，组建新材料产业技术创新战略联盟（规划提出组建）。', details: (id) => ({ type: 'alliance', industry: 'C28', members: [id('中国科学院长春应用化学研究所'), id(ENT.petro)] }) },
  // Academician workstation (三(四)2): 一汽's.
  { name: '一汽集团院士工作站', org: FAW.name, status: 'recognised', on: '2011-12-08', reports: 'accepted', summary: '引导院士及其创新团队向企业集聚，围绕整车轻量化、新能源动力系统攻克产业核心关键技术。', details: () => ({ type: 'academician_workstation', industry: 'C36', academician: { name: '郭孔辉', academy: 'cae', field: '汽车动力学与轮胎力学' }, team: [{ name: '李杰', role: '团队负责人' }, { name: '王晓明', role: '研究员' }] }) },
  { name: '北方石化院士工作站', org: ENT.petro, status: 'returned', reason: '请补充院士本人签署的进站协议', summary: '联合院士团队开展石化新材料催化工艺研究（示例申请）。', details: () => ({ type: 'academician_workstation', industry: 'C26', academician: { name: '陈院士', academy: 'cas', field: '催化化学' }, team: [] }) },
  // Incubators: 长春光机所's.
  { name: '长春光机所光电子科技企业孵化器', org: '中国科学院长春光学精密机械与物理研究所', status: 'recognised', on: '2012-10-15', reports: 'accepted', summary: '以民营企业、中小光电子企业、创业团队为服务对象，拓展孵化功能，建设光电子产业公共服务平台。', details: (id) => ({ type: 'incubator', areaSqm: 36000, tenants: [id(ENT.huaguang)], field: '光电子' }) },
  { name: '吉林大学科技园孵化器', org: '吉林大学', status: 'recognised', on: '2013-11-02', reports: 'overdue', summary: '将孵化功能延伸到高校，吸收高校自主创新成果，便于科技人员创业。', details: () => ({ type: 'incubator', areaSqm: 52000, tenants: [] }) },
  // Key laboratories, innovation centres, innovative enterprises, talents.
  { name: '吉林省汽车零部件公共研发平台重点实验室', org: '吉林大学', status: 'recognised', on: '2012-04-10', reports: 'accepted', summary: '规划先期建设的吉林省汽车零部件公共研发平台，面向零部件企业开放。', details: () => ({ type: 'key_lab', discipline: '580', level: 'provincial' }) },
  { name: '吉林省稀土功能材料重点实验室', org: '中国科学院长春应用化学研究所', status: 'revoked', on: '2012-04-10', reason: '复评不合格，研究方向调整', summary: '稀土功能材料的合成、结构与应用研究。', details: () => ({ type: 'key_lab', discipline: '150', level: 'provincial' }) },
  { name: '宏远汽车零部件工程技术研究中心', org: ENT.hongyuan, status: 'recognised', on: '2014-05-20', reports: 'accepted', summary: '汽车底盘轻量化零部件的设计、成形与检测工程化研究。', details: () => ({ type: 'innovation_centre', industry: 'C36', field: '汽车底盘轻量化', engineeringCentre: true }) },
  { name: '东北换热装备企业科技创新中心', org: ENT.heat, status: 'rejected', reason: '研发投入未达到认定条件', summary: '板式换热器的高效换热结构与焊接工艺研发。', details: () => ({ type: 'innovation_centre', industry: 'C34', field: '高效换热', engineeringCentre: false }) },
  { name: '江城碳纤维（科技型创新企业）', org: ENT.carbon, status: 'recognised', on: '2013-08-01', reports: 'accepted', summary: '碳纤维复合材料部件的快速成型与应用开发。', details: () => ({ type: 'innovative_enterprise', industry: 'C28', field: '碳纤维复合材料' }) },
  { name: '华光光电（科技型创新企业）', org: ENT.huaguang, status: 'submitted', summary: '光电测量仪器与激光器件研发生产。', details: () => ({ type: 'innovative_enterprise', industry: 'C39', field: '光电测量' }) },
  { name: '光电子器件创业人才', org: '中国科学院长春光学精密机械与物理研究所', status: 'recognised', on: '2014-09-10', reports: 'accepted', summary: '从事光电子器件研究并创办光电子企业的科技创新创业人才。', details: () => ({ type: 'talent', user: null, personName: '刘光明', field: '光电子器件' }) },
];

const day = (s: string) => new Date(`${s}T00:00:00+08:00`);

/** Seeds the demo carriers (once: nothing when the registry has any). Returns counts by status. */
export async function seedDemoCarriers(now = new Date()): Promise<Record<string, number>> {
  if (await CarrierModel.exists({})) {
    return {};
  }
  if (!(await OrgModel.exists({ uscc: FAW.uscc }))) {
    await OrgModel.create({ name: FAW.name, nameKey: orgNameKey(FAW.name), type: 'enterprise', city: '220100', uscc: FAW.uscc, verified: true, verifiedAt: now, verificationState: 'verified' });
  }
  const names = [...new Set(DEMO_CARRIERS.flatMap((c) => [c.org]).concat(GOV, FAW.name, ...Object.values(ENT), '吉林大学', '吉林农业大学', '中国科学院长春应用化学研究所'))];
  const orgs = await OrgModel.find({ name: { $in: names } }, { name: 1, city: 1 }).lean();
  const byName = new Map(orgs.map((o) => [o.name, o]));
  const admin = await UserModel.findOne({ role: 'admin' }, { displayName: 1 }).lean();
  const reviewer = { _id: admin?._id ?? null, name: admin?.displayName ?? '省科技厅管理员' };
  const rand = mulberry32(20_110_915);
  const due = dueReportYear(now);
  const docs: Record<string, unknown>[] = [];
  for (const c of DEMO_CARRIERS) {
    const org = byName.get(c.org);
    if (!org) {
      continue;
    }
    const missing = (n: string) => !byName.has(n);
    const details = c.details((n) => (missing(n) ? String(org._id) : String(byName.get(n)!._id)));
    const linked = namedOrgs(details).filter((n) => n.id !== String(org._id));
    if ('members' in details) {
      details.members = linked.map((n) => n.id);
    } else if ('enterprises' in details) {
      details.enterprises = linked.map((n) => n.id);
    } else if ('tenants' in details) {
      details.tenants = linked.map((n) => n.id);
    }
    const applicant = await UserModel.findOne({ org: org._id, orgStatus: 'active', role: { $ne: 'admin' } }, { displayName: 1 }).sort({ _id: 1 }).lean();
    const submittedAt = c.on ? new Date(day(c.on).getTime() - 60 * 86_400_000) : new Date(now.getTime() - 12 * 86_400_000);
    const steps: CarrierStep[] = [{ action: 'apply', by: applicant?._id ?? null, byName: applicant?.displayName ?? org.name, at: submittedAt, note: '' }];
    const step = (action: string, at: Date, note = '') => steps.push({ action, by: reviewer._id, byName: reviewer.name, at, note });
    const recognisedOn = c.on ? day(c.on) : null;
    const certificateNo: string | null = recognisedOn ? `吉科认字〔${beijingYear(recognisedOn)}〕${String(docs.length + 1).padStart(3, '0')}号` : null;
    if (c.status === 'returned' || c.status === 'rejected') {
      step(c.status === 'returned' ? 'return' : 'reject', new Date(submittedAt.getTime() + 5 * 86_400_000), c.reason);
    }
    if (recognisedOn) {
      step('recognise', recognisedOn, certificateNo ?? '');
    }
    const reports: CarrierReport[] = [];
    if (recognisedOn && c.reports) {
      const last = c.reports === 'overdue' ? due - 1 : due;
      for (let year = Math.max(beijingYear(recognisedOn), due - 2); year <= last; year += 1) {
        const pending = c.reports === 'pending' && year === due;
        const figures = Object.fromEntries(CARRIER_TYPE_INFO[details.type].figures.map((f) => [f, Math.round(5 + rand() * (f === 'revenue' || f === 'rdSpend' ? 50_000 : 60))]));
        const at = new Date(Date.UTC(year + 1, 1, 10 + Math.floor(rand() * 40)));
        reports.unshift({ year, figures, narrative: `${year}年度运行良好，各项指标按计划推进。`, status: pending ? 'submitted' : 'accepted', submittedAt: at, submittedBy: applicant?._id ?? null, reviewNote: '' });
        steps.push({ action: 'report', by: applicant?._id ?? null, byName: applicant?.displayName ?? org.name, at, note: String(year) });
        if (!pending) {
          step('report_accept', new Date(at.getTime() + 7 * 86_400_000), String(year));
        }
      }
    }
    if (c.status === 'warning' || c.status === 'revoked') {
      step(c.status === 'warning' ? 'evaluate_warning' : 'evaluate_revoke', new Date(now.getTime() - 30 * 86_400_000), c.reason);
    }
    const place = placeOf(details, org.city as CityCode);
    docs.push({
      _id: new Types.ObjectId(),
      type: details.type, name: c.name, summary: c.summary, org: org._id, linkedOrgs: linked.map((n) => new Types.ObjectId(n.id)),
      city: place.city, industry: place.industry, details, status: c.status, applicant: applicant?._id ?? null, submittedAt,
      reviewReason: c.status === 'recognised' ? null : (c.reason ?? null), certificateNo, recognisedOn, recognisedYear: recognisedOn ? beijingYear(recognisedOn) : null,
      reports, lastReportYear: reports.length ? Math.max(...reports.map((r) => r.year)) : 0, reportPending: reports.some((r) => r.status === 'submitted'), steps,
    });
  }
  await CarrierModel.insertMany(docs);
  return docs.reduce<Record<string, number>>((acc, d) => ({ ...acc, [String(d.status)]: (acc[String(d.status)] ?? 0) + 1 }), {});
}
