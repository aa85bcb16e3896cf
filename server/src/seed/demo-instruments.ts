/**
 * Demo instruments (issue 16, 大型科学仪器共享): about 120 large instruments of Jilin's universities
 * and institutes, each a real instrument type with a model and maker such institutions run, its
 * parameters, sample requirements, a plausible price and weekly opening hours. Deterministic (PRNG
 * seeded); inserted flagged for the search outbox, so the start-up reconciliation indexes them.
 * The booking demo finds them with `demoInstruments()`.
 */
import { instrumentInput, type CityCode, type OpeningWindow } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { mulberry32 } from '../lib/prng';
import { InstrumentModel, type InstrumentRecord } from '../modules/instruments/instrument.model';
import { INSTRUMENT_TYPES, type InstrumentType } from './data/instrument-types';

const SEED = 0x16_1257;

/** Which instruments each institution shares (indexes into INSTRUMENT_TYPES by name), how many, and where. */
interface Holder {
  org: string;
  count: number;
  city: CityCode;
  addresses: readonly string[];
  types: readonly string[];
}

const ALL = INSTRUMENT_TYPES.map((t) => t.name);

export const INSTRUMENT_HOLDERS: readonly Holder[] = [
  { org: '吉林大学', count: 28, city: '220100', addresses: ['长春市前进大街2699号 吉林大学分析测试中心', '长春市人民大街5988号 吉林大学南岭校区 材料学院实验楼', '长春市新民大街1163号 吉林大学新民校区 基础医学院'], types: ALL },
  { org: '中国科学院长春光学精密机械与物理研究所', count: 18, city: '220100', addresses: ['长春市东南湖大路3888号 长春光机所 光学检测中心', '长春市东南湖大路3888号 长春光机所 光电技术研发楼'], types: ['飞秒激光放大系统', '光学薄膜镀膜机', '激光干涉仪', '三坐标测量机', '紫外-可见-近红外分光光度计', '稳态瞬态荧光光谱仪', '场发射扫描电子显微镜', '原子力显微镜', 'X射线衍射仪', '拉曼光谱仪', '矢量网络分析仪', '高性能计算集群'] },
  { org: '中国科学院长春应用化学研究所', count: 20, city: '220100', addresses: ['长春市人民大街5625号 长春应化所 分析测试中心', '长春市人民大街5625号 长春应化所 高分子物理楼'], types: ['核磁共振波谱仪 600MHz', '核磁共振波谱仪 400MHz', '固体核磁共振波谱仪', '高分辨质谱仪', '基质辅助激光解吸飞行时间质谱仪', 'X射线衍射仪', '单晶X射线衍射仪', 'X射线光电子能谱仪', '同步热分析仪', '比表面积及孔径分析仪', '球差校正透射电子显微镜', '场发射透射电子显微镜', '傅里叶变换红外光谱仪', '电感耦合等离子体质谱仪'] },
  { org: '东北师范大学', count: 14, city: '220100', addresses: ['长春市人民大街5268号 东北师范大学 化学学院', '长春市净月大街2555号 东北师范大学净月校区 生命科学学院'], types: ['核磁共振波谱仪 400MHz', '单晶X射线衍射仪', 'X射线衍射仪', '激光共聚焦显微镜', '实时荧光定量PCR仪', '流式细胞仪', '傅里叶变换红外光谱仪', '稳态瞬态荧光光谱仪', '场发射扫描电子显微镜'] },
  { org: '延边大学', count: 10, city: '222400', addresses: ['延吉市公园路977号 延边大学 分析测试中心', '延吉市公园路977号 延边大学 医学院'], types: ['核磁共振波谱仪 400MHz', '激光共聚焦显微镜', '液相色谱-串联质谱仪', '实时荧光定量PCR仪', '台式扫描电镜', '气相色谱-质谱联用仪'] },
  { org: '长春理工大学', count: 12, city: '220100', addresses: ['长春市卫星路7089号 长春理工大学 光电工程学院', '长春市卫星路7089号 长春理工大学 机电工程学院'], types: ['飞秒激光放大系统', '光学薄膜镀膜机', '激光干涉仪', '三坐标测量机', '矢量网络分析仪', '场发射扫描电子显微镜', '拉曼光谱仪', '原子力显微镜'] },
  { org: '吉林农业大学', count: 10, city: '220100', addresses: ['长春市新城大街2888号 吉林农业大学 测试中心', '长春市新城大街2888号 吉林农业大学 生命科学学院'], types: ['液相色谱-串联质谱仪', '气相色谱-质谱联用仪', '电感耦合等离子体质谱仪', '实时荧光定量PCR仪', '激光共聚焦显微镜', '流式细胞仪'] },
  { org: '东北电力大学', count: 8, city: '220200', addresses: ['吉林市长春路169号 东北电力大学 电气工程学院', '吉林市长春路169号 东北电力大学 化学工程学院'], types: ['场发射扫描电子显微镜', 'X射线衍射仪', '电子万能材料试验机', '疲劳试验机', '高性能计算集群', '矢量网络分析仪', '同步热分析仪', '台式扫描电镜'] },
];

const byName = new Map(INSTRUMENT_TYPES.map((t) => [t.name, t]));

const WORKDAYS = [1, 2, 3, 4, 5];
/** Weekly opening patterns the sharing platforms publish. */
function openingHours(t: InstrumentType, rnd: () => number): OpeningWindow[] {
  if (t.category === 'computing') {
    return [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, from: '00:00', to: '24:00' }));
  }
  const pattern = Math.floor(rnd() * 4);
  switch (pattern) {
    case 0:
      return WORKDAYS.flatMap((weekday) => [{ weekday, from: '08:30', to: '11:30' }, { weekday, from: '13:30', to: '17:00' }]);
    case 1:
      return [...WORKDAYS.map((weekday) => ({ weekday, from: '08:00', to: '17:00' })), { weekday: 6, from: '09:00', to: '16:00' }];
    case 2:
      return [2, 4].flatMap((weekday) => [{ weekday, from: '08:30', to: '12:00' }, { weekday, from: '13:00', to: '17:30' }]);
    default:
      return WORKDAYS.map((weekday) => ({ weekday, from: '09:00', to: '21:00' }));
  }
}

function priceOf(t: InstrumentType, rnd: () => number): number {
  const [lo, hi] = t.price;
  const raw = lo + rnd() * (hi - lo);
  return hi <= 10 ? Math.round(raw) : Math.round(raw / 10) * 10;
}

/** The demo's instrument documents (validated by the same schema the API uses), in a fixed order. */
export function demoInstrumentRows(orgs: ReadonlyMap<string, { id: Types.ObjectId; user: Types.ObjectId }>, now: Date): Record<string, unknown>[] {
  const rnd = mulberry32(SEED);
  const rows: Record<string, unknown>[] = [];
  let n = 0;
  for (const h of INSTRUMENT_HOLDERS) {
    const owner = orgs.get(h.org);
    if (!owner) {
      continue;
    }
    const seen = new Map<string, number>();
    for (let i = 0; i < h.count; i += 1) {
      const t = byName.get(h.types[(i * 7 + Math.floor(rnd() * 3)) % h.types.length]!)!;
      const k = seen.get(t.name) ?? 0;
      seen.set(t.name, k + 1);
      const [model, manufacturer] = t.models[(k + i) % t.models.length]!;
      const address = `${h.addresses[i % h.addresses.length]} ${t.room}`;
      const input = instrumentInput.parse({
        name: k === 0 ? t.name : `${t.name}（${model}）`,
        model,
        manufacturer,
        category: t.category,
        city: h.city,
        address: address.slice(0, 120),
        description: `${t.use}本仪器由${h.org}${t.room}管理，面向校内外科研人员和企业开放共享，${t.operator ? '由平台工程师上机操作' : '经培训考核合格后可自主上机'}。`,
        params: t.params.map(([name, value]) => ({ name, value })),
        sampleRequirements: t.samples,
        price: { unit: t.unit, amount: priceOf(t, rnd) },
        operatorRequired: t.operator,
        openingHours: openingHours(t, rnd),
        photos: [],
      });
      n += 1;
      // Listed over the last two years, the newest last.
      const listed = new Date(now.getTime() - (730 - n * 5) * 86_400_000);
      rows.push({ ...input, org: owner.id, status: 'active', createdBy: owner.user, updatedBy: owner.user, searchV: 1, searchDirty: true, createdAt: listed, updatedAt: listed });
    }
  }
  return rows;
}

/** Inserts the demo instruments; returns their ids in insertion order. */
export async function seedDemoInstruments(orgs: ReadonlyMap<string, { id: Types.ObjectId; user: Types.ObjectId }>, now: Date): Promise<Types.ObjectId[]> {
  const rows = demoInstrumentRows(orgs, now);
  // Written as they are (validated above by the API's schema): Mongoose's timestamps would date every
  // instrument today. The outbox flag makes the start-up reconciliation index them.
  const res = await InstrumentModel.collection.insertMany(rows);
  return Object.values(res.insertedIds) as Types.ObjectId[];
}

/** The active demo instruments (for the booking demo): id, institution, opening hours, oldest first. */
export async function demoInstruments(): Promise<Pick<InstrumentRecord, '_id' | 'org' | 'openingHours' | 'price' | 'name'>[]> {
  return InstrumentModel.find({ status: 'active' }, { _id: 1, org: 1, openingHours: 1, price: 1, name: 1 }).sort({ _id: 1 }).lean();
}
