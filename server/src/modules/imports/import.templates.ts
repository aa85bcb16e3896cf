/**
 * Downloadable import templates: the header row (Chinese labels) and one example row that imports
 * as it is, plus, in XLSX, a guide sheet and the code tables. The import reads the first sheet only.
 */
import { CITIES, COUNTIES, CONFIDENTIALITY_LEVELS, COOPERATION_MODES, DISCIPLINES, IMPORT_COLUMNS, INDUSTRIES, IP_STATUSES, IP_TYPES, MATURITY_LEVELS, TRANSFER_MODES, makeUscc, type ImportKind } from '@kezhuan/shared';
import { excel } from '../../lib/excel';
import { DEMO_ACCOUNTS } from '../../seed/demo-accounts';
import { DEMO_ORGS } from '../../seed/demo-orgs';
import { currentTerm } from '../commissioners/commissioner.queries';
import { addSheet, writeCsv, type ExportColumn } from './writers';

/** Credit codes of the examples: the orgs template registers the university the results example names. */
export const EXAMPLE_USCC = {
  university: makeUscc('12', '220100', 'MB1234567'),
  enterprise: makeUscc('91', '220100', 'MA1234567'),
} as const;

/**
 * The 双千 examples name demo accounts and organisations (README, demo accounts): on the demo data
 * they import as they are — 李明 of 吉林大学 on next year's list (the seed approves nobody for next
 * year), and a request of 宏远汽车零部件 owned by its demo account.
 */
export const PAIRING_EXAMPLE = {
  person: DEMO_ACCOUNTS[1]!.email,
  personOrg: DEMO_ORGS[DEMO_ACCOUNTS[1]!.org]!,
  owner: DEMO_ACCOUNTS[2]!.email,
  enterprise: DEMO_ORGS[DEMO_ACCOUNTS[2]!.org]!,
} as const;

const CONTACT = { 'contact.name': '王老师', 'contact.phone': '13943100001', 'contact.email': 'wang.lab@example.edu.cn' };

function examples(kind: ImportKind, now: Date): Record<string, string> {
  switch (kind) {
    case 'results':
      return {
        orgUscc: EXAMPLE_USCC.university,
        title: '玉米秸秆制备聚乳酸关键技术（示例）',
        summary: '以东北玉米秸秆为原料，经稀酸预处理、纤维素酶解和耐高温菌株发酵制备L-乳酸，再经丙交酯开环聚合得到医用级聚乳酸。已在长春完成百吨级中试。',
        keywords: '玉米秸秆；聚乳酸；生物基材料',
        discipline: '化学工程',
        industry: 'C28 化学纤维制造业',
        maturity: '中试',
        trl: '6',
        transferModes: '许可；合作开发',
        price: '80万',
        city: '长春市',
        ip: '发明专利|ZL201410345054.1|已授权',
        team: '王教授|负责人；李博士|骨干',
        applications: '一次性餐具、农用地膜、医用缝合线等可降解制品',
        advantages: '原料成本|降低40|%|玉米淀粉路线',
        ...CONTACT,
      };
    case 'needs':
      return {
        orgUscc: EXAMPLE_USCC.enterprise,
        title: '汽车轻量化碳纤维部件低成本快速成型（示例）',
        problem: '现有碳纤维部件采用热压罐工艺，成型周期超过两小时，单件成本高，需要适合年产十万件规模的快速成型工艺。',
        desiredOutcome: '单件成型周期缩短到5分钟以内，成本降低30%',
        keywords: '碳纤维；轻量化；快速成型',
        industry: '汽车制造业',
        discipline: '430',
        budgetMin: '50万',
        budgetMax: '200万',
        deadline: `${now.getUTCFullYear() + 1}-12-31`,
        cooperationModes: '委托开发；联合攻关',
        city: '长春市',
        county: '绿园区',
        confidentiality: '公开',
        ...CONTACT,
        'contact.name': '李工',
      };
    case 'orgs':
      return { name: '吉林示例大学', type: '高等院校', uscc: EXAMPLE_USCC.university, city: '长春市' };
    case 'commissioners':
      return {
        person: PAIRING_EXAMPLE.person,
        orgUscc: PAIRING_EXAMPLE.personOrg.uscc,
        term: String(currentTerm(now) + 1),
        expertise: '汽车轻量化材料与碳纤维复合材料成型工艺，长期为一汽配套企业解决零部件减重与成本问题（示例）',
        keywords: '碳纤维；轻量化；复合材料',
        disciplines: '430 材料科学',
        industries: 'C36 汽车制造业；C28 化学纤维制造业',
        cities: '长春市',
        counties: '吉林市船营区；四平市铁西区',
        capacity: '3',
        'availability.daysPerMonth': '4',
        'availability.note': '寒暑假可驻企',
      };
    case 'carriers':
      return {
        type: '科技企业孵化器',
        name: '长春光电子科技企业孵化器（示例）',
        org: '中国科学院长春光学精密机械与物理研究所',
        summary: '以中小光电子企业和创业团队为服务对象，提供场地、中试和检测服务（示例）。',
        certificateNo: '吉科孵认〔2013〕005号',
        recognisedOn: '2013-10-15',
        industry: '',
        city: '',
        field: '光电子',
        orgs: '',
        areaSqm: '36000',
        discipline: '',
        level: '',
        academicianName: '',
        academy: '',
        academicianField: '',
        team: '',
        personName: '',
      };
    case 'serviceRequests':
      return {
        orgUscc: PAIRING_EXAMPLE.enterprise.uscc,
        title: '车身铝合金部件焊接变形控制（示例）',
        problem: '铝合金车身部件焊接后变形超差，返修率约8%，需要专家驻企诊断焊接工艺和工装夹具，给出变形控制方案。',
        industry: 'C36 汽车制造业',
        city: '长春市',
        county: '绿园区',
        keywords: '铝合金；焊接；变形控制',
        urgency: '较急',
        owner: PAIRING_EXAMPLE.owner,
      };
  }
}

const templateColumns = (kind: ImportKind): ExportColumn[] =>
  IMPORT_COLUMNS[kind].map((c) => ({ key: c.key, header: { zh: c.zh, en: c.en }, width: c.key === 'summary' || c.key === 'problem' ? 60 : undefined }));

export const TEMPLATE_NAMES: Record<ImportKind, string> = {
  results: '科技成果导入模板', needs: '技术需求导入模板', orgs: '机构导入模板', commissioners: '科技特派员导入模板', serviceRequests: '企业服务需求导入模板', carriers: '创新载体名录导入模板',
};

export function csvTemplate(kind: ImportKind, now = new Date()): string {
  return writeCsv(templateColumns(kind), [examples(kind, now)]);
}

type Term = { code: string; zh: string; en: string };
const CODE_TABLES: [string, readonly Term[]][] = [
  ['学科 Discipline', DISCIPLINES],
  ['行业 Industry', INDUSTRIES],
  ['所在市 City', CITIES],
  ['成熟度 Maturity', MATURITY_LEVELS],
  ['转化方式 Transfer mode', TRANSFER_MODES],
  ['合作方式 Cooperation mode', COOPERATION_MODES],
  ['公开程度 Confidentiality', CONFIDENTIALITY_LEVELS],
  ['知识产权类型 IP type', IP_TYPES],
  ['知识产权状态 IP status', IP_STATUSES],
  ['县（市、区）County', COUNTIES.map((c) => ({ code: c.code, zh: `${CITIES.find((x) => x.code === c.city)?.zh ?? ''}${c.zh}`, en: c.en }))],
  ['紧迫程度 Urgency', [{ code: 'low', zh: '不急', en: 'Low' }, { code: 'normal', zh: '一般', en: 'Normal' }, { code: 'high', zh: '较急', en: 'High' }, { code: 'urgent', zh: '紧急', en: 'Urgent' }]],
];

export async function xlsxTemplate(kind: ImportKind, now = new Date()): Promise<Buffer> {
  const wb = new (excel().Workbook)();
  wb.creator = '科转 Kezhuan';
  const data = addSheet(wb, '导入数据', templateColumns(kind), [examples(kind, now)]);
  IMPORT_COLUMNS[kind].forEach((c, i) => {
    const cell = data.getRow(1).getCell(i + 1);
    cell.note = `${c.required ? '必填。' : '选填。'}${c.hint.zh}\n${c.required ? 'Required. ' : 'Optional. '}${c.hint.en}`;
    if (c.required) {
      cell.font = { bold: true, color: { argb: 'FFC00000' } };
    }
  });
  // Credit codes and phone numbers as text: Excel would turn an all-digit code into 1.22E+17.
  IMPORT_COLUMNS[kind].forEach((c, i) => {
    if (/uscc|phone/i.test(c.key)) {
      data.getColumn(i + 1).numFmt = '@';
    }
  });

  const guide = wb.addWorksheet('填写说明 Guide');
  guide.columns = [
    { header: '列名', width: 22 }, { header: '字段 field', width: 18 }, { header: '必填', width: 8 },
    { header: '说明', width: 60 }, { header: 'Notes', width: 60 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const c of IMPORT_COLUMNS[kind]) {
    guide.addRow([c.zh, c.key, c.required ? '是' : '否', c.hint.zh, c.hint.en]);
  }
  guide.addRow([]);
  guide.addRow(['第一个工作表的第 1 行为列名，可用中文列名或字段名；从第 2 行起每行一条记录（示例行可直接导入，请替换为真实数据）。']);
  guide.addRow(['Row 1 of the first sheet holds the headers (Chinese labels or field names); each further row is one record.']);
  const exampleOrg = kind === 'orgs' ? undefined : examples(kind, now).orgUscc;
  if (kind === 'commissioners' || kind === 'serviceRequests') {
    const ex = examples(kind, now);
    guide.addRow([`示例行使用演示数据中的账号（${ex.person ?? ex.owner ?? ''}）和机构（统一社会信用代码 ${exampleOrg ?? ''}），在演示数据上可直接导入；人员须先在平台注册并为该机构的成员。`]);
    guide.addRow([`The example row names a demo account (${ex.person ?? ex.owner ?? ''}) and organisation (${exampleOrg ?? ''}); it imports as it is on the demo data. People must be registered members of the organisation.`]);
    guide.addRow(['“直接发布”开启：特派员直接获批该年度（视同单位推荐和审核通过，记入审计日志），服务需求进入配对池；关闭：特派员待单位确认推荐、服务需求为草稿。']);
    guide.addRow(['"Publish" on: commissioners are approved for the term (audited as the import), requests open for pairing; off: commissioners await endorsement, requests are drafts.']);
  } else if (exampleOrg) {
    guide.addRow([`示例行所属机构（统一社会信用代码 ${exampleOrg}）须已在平台注册，否则示例行不能导入${kind === 'results' ? '：可先导入机构导入模板的示例行' : ''}。`]);
    guide.addRow([`The example row's organisation (credit code ${exampleOrg}) must be registered on the platform first${kind === 'results' ? ': import the example row of the organisations template' : ''}.`]);
  }

  const codes = wb.addWorksheet('代码表 Codes');
  codes.columns = [{ header: '类别 Kind', width: 24 }, { header: '代码 Code', width: 12 }, { header: '名称', width: 36 }, { header: 'Name', width: 44 }];
  codes.getRow(1).font = { bold: true };
  for (const [label, terms] of CODE_TABLES) {
    for (const t of terms) {
      codes.addRow([label, t.code, t.zh, t.en]);
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
