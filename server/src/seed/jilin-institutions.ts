/**
 * Which Jilin university or institute a research result plausibly comes from, by what it is about:
 * the demo assigns ChinaXiv papers to the institutions that work in their field (吉林农业大学 for
 * 人参 and 玉米, 长春光机所 for optics, 长春应化所 for polymers and 碳纤维 …), and leaves out
 * papers that fit none, or that are about another region (a Yunnan ant survey is nobody's result
 * in Jilin). Used by the demo builder; pure, so it is tested on its own.
 */
import { seeded } from './chinaxiv-clc';

export interface InstitutionRule {
  /** Organisation name as in DEMO_ORGS. */
  org: string;
  /** Words of the title or keywords that place a paper here (checked first, in rule order). */
  topics: RegExp;
  /** CLC class prefixes that place a paper here when no topic word does. */
  clc: readonly string[];
  /** Discipline and industry for papers without a CLC class. */
  fallback: { discipline: string; industry: string };
}

/** Most specific first: the first rule whose topic words match wins. */
export const INSTITUTION_RULES: readonly InstitutionRule[] = [
  {
    org: '吉林农业大学',
    topics: /人参|西洋参|林下参|玉米|大豆|水稻|粳稻|小麦|高粱|食用菌|木耳|秸秆|黑土|耕作|农田|施肥|育种|种质|作物|畜禽|生猪|肉牛|奶牛|饲料|兽医|蔬菜|果树|植保|病虫害|农药|淀粉|燃料乙醇/,
    clc: ['S', 'TS2'],
    fallback: { discipline: '210', industry: 'A' },
  },
  {
    org: '延边大学',
    topics: /长白山|延边|图们江|朝鲜族|延边黄牛|中药|中医|药材|药用|五味子|刺五加|天然药物|药理/,
    clc: ['R2', 'R9'],
    fallback: { discipline: '360', industry: 'C27' },
  },
  {
    org: '中国科学院长春应用化学研究所',
    topics: /碳纤维|高分子|聚合物|聚合反应|聚酰亚胺|聚乳酸|催化剂|稀土|电化学|锂离子|锂电|钠离子|燃料电池|电解质|储能材料|涂层|树脂|橡胶|分子筛|有机合成|配合物|纳米材料|复合材料/,
    clc: ['O6', 'TQ'],
    fallback: { discipline: '150', industry: 'C26' },
  },
  {
    org: '东北电力大学',
    topics: /电网|电力系统|配电网|输电|变电|风电|风力发电|光伏|发电|微电网|换流|变压器|负荷预测|新能源消纳|火电|电厂|储能系统/,
    clc: ['TM', 'TK'],
    fallback: { discipline: '470', industry: 'D' },
  },
  {
    org: '中国科学院长春光学精密机械与物理研究所',
    topics: /光电子(?!能谱)|光学|激光|光谱|成像|望远镜|遥感|红外|光栅|光纤|探测器|发光|半导体光|图像传感|空间相机|光刻/,
    clc: ['O43', 'TN2', 'TH7', 'V'],
    fallback: { discipline: '140', industry: 'C39' },
  },
  {
    org: '吉林大学',
    topics: /汽车|车辆|车载|发动机|自动驾驶|驾驶员|底盘|变速器|机械|数控|仿生|计算机|算法|软件|深度学习|神经网络|人工智能|大数据|物联网|网络安全|地质|矿产|油气|石油|油藏|岩石|地球物理|钻井|临床|肿瘤|超硬材料|金属材料|合金|焊接/,
    clc: ['TP', 'U', 'TH', 'TG', 'TE', 'TD', 'P5', 'P6', 'R', 'O1', 'O4', 'TN', 'TB'],
    fallback: { discipline: '520', industry: 'I' },
  },
  {
    org: '东北师范大学',
    topics: /生态|植被|草原|草地|湿地|群落|物种多样性|生物多样性|鸟类|植物|土地利用|环境污染|水质|水环境|气候变化|碳排放/,
    clc: ['Q', 'X', 'P'],
    fallback: { discipline: '180', industry: 'N' },
  },
];

/** Optics is shared between 长春光机所 and 长春理工大学 (the "optics university"), deterministically per paper. */
const SHARED: Record<string, { org: string; share: number }> = {
  中国科学院长春光学精密机械与物理研究所: { org: '长春理工大学', share: 0.4 },
};

/**
 * Places and regions outside Jilin and its neighbours: a paper about one of them (a survey of
 * Yunnan's ants, the Pearl River delta's soils) is not a Jilin institution's result.
 */
const ELSEWHERE =
  /云南|贵州|四川|广西|广东|海南|福建|江西|湖南|湖北|浙江|江苏|安徽|河南|山东|山西|陕西|甘肃|青海|宁夏|新疆|西藏|内蒙古|河北|北京|天津|上海|重庆|台湾|香港|澳门|青藏|黄土高原|塔里木|准噶尔|柴达木|珠江|长江|黄河|太湖|洞庭湖|鄱阳湖|秦岭|横断山|祁连|天山|昆仑|喜马拉雅|南海|东海|渤海|华南|华北|西南地区|西北地区|华东|华中|岭南|滇|黔|闽|赣南|川西|藏东|南疆|北疆|桂林|粤港澳|长三角|珠三角|京津冀|辽宁|黑龙江|青岛|兰州|西安|成都|武汉|南京|杭州|广州|深圳|厦门|长沙|郑州|济南|合肥|昆明|贵阳|南宁|福州|南昌|太原|石家庄|呼和浩特|银川|西宁|乌鲁木齐|拉萨|海口|大连|沈阳|哈尔滨|民勤|沙坡头|神农架|武夷|峨眉|黄山|庐山|泰山|三峡|洱海|滇池|青海湖|巢湖|西双版纳|大别山|武陵|梵净|九寨|三江源|塞罕坝|毛乌素|库布齐|阿拉善|河西走廊|若尔盖|砂姜黑土|叶尔羌|绿洲|荒漠|沙漠|喀斯特|岩溶|红壤|热带|红树林|珊瑚|海桑|hainan|yunnan|tibet|xinjiang|sichuan|guangdong/i;

/** Not results anyone transfers: case reports, nursing notes and literature reviews. */
const NOT_A_RESULT = /综述|研究进展|进展与展望|述评|思考|护理|患者|[1一]例|病例|个案/;

export interface PaperText {
  id: string;
  title: string;
  keywords: readonly string[];
  abstract: string;
  clc?: string | null;
}

/** The organisation a paper is assigned to, or null when no Jilin institution plausibly owns it. */
export function assignInstitution(p: PaperText): InstitutionRule | null {
  if (NOT_A_RESULT.test(p.title) || ELSEWHERE.test(`${p.title} ${p.keywords.join(' ')} ${p.abstract}`)) {
    return null;
  }
  const head = `${p.title} ${p.keywords.join(' ')}`;
  const clc = (p.clc ?? '').toUpperCase();
  const rule =
    INSTITUTION_RULES.find((r) => r.topics.test(head)) ??
    (clc ? INSTITUTION_RULES.find((r) => r.clc.some((prefix) => clc.startsWith(prefix))) : undefined);
  if (!rule) {
    return null;
  }
  const shared = SHARED[rule.org];
  return shared && seeded(p.id, 'shared-org') < shared.share ? { ...rule, org: shared.org } : rule;
}

/** Jilin's flagship topics, which the demo must show (papers on them are taken first). */
export const FLAGSHIP_TOPICS: readonly [name: string, pattern: RegExp][] = [
  ['人参', /人参|林下参|西洋参/],
  ['碳纤维', /碳纤维/],
  ['玉米深加工', /玉米.*(淀粉|乙醇|加工|发酵|糖|蛋白|油)|(淀粉|乙醇|深加工).*玉米|燃料乙醇/],
  ['汽车电子', /汽车电子|车载|电动汽车|汽车.*(控制|电子|电机|传感)|车辆.*(控制|电子)|整车控制/],
  ['光电子', /光电子(?!能谱)|光电(?!子能谱)|激光|光纤|红外探测|发光二极管/],
];
