/**
 * Bulk import (批量导入) of research results, technology needs and organisations by administrators:
 * the API's queries and views, and the columns a file may have (Chinese labels or field names).
 */
import { z } from 'zod';
import { objectId, pagination } from './common';
import { listingKind, listingOrgView, listingStatus } from './listing';

/** `commissioners` and `serviceRequests`: the province's 双千 lists (issue 13), see IMPORT_COLUMNS. */
export const IMPORT_KINDS = ['results', 'needs', 'orgs', 'commissioners', 'serviceRequests', 'carriers'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const importKind = z.enum(IMPORT_KINDS);

export const IMPORT_FORMATS = ['csv', 'xlsx', 'jsonl'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const importFormat = z.enum(IMPORT_FORMATS);

/**
 * validating: rows are read and checked into staging, nothing is written to the platform yet;
 * failed: at least one row was invalid (or the file unreadable) and nothing was imported;
 * committing: every row was valid and the staged records are being written (resumed after a crash);
 * done: every row was imported.
 */
export const IMPORT_STATUSES = ['validating', 'failed', 'committing', 'done', 'cancelled'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** `maxErrors`: problems recorded per job; validation stops there (the report says so). */
export const IMPORT_LIMITS = { maxBytes: 200 * 1024 * 1024, nameMax: 200, maxErrors: 1000 } as const;

/** Uploads may name the file; no path, no control or reserved characters. */
export const importFileName = z
  .string()
  .trim()
  .min(1)
  .max(IMPORT_LIMITS.nameMax)
  .refine((n) => !/[\\/:*?"<>|]/.test(n) && ![...n].some((ch) => ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127), {
    message: 'kz.filename',
  });

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

/**
 * `POST /api/admin/imports`: the body is the file itself. Without `format` it follows the file
 * name's extension (.csv, .xlsx, .jsonl or .ndjson). `publish=true` imports listings as published
 * and organisations as verified; otherwise listings are drafts and organisations unverified.
 */
export const importCreateQuery = z.strictObject({
  kind: importKind,
  format: importFormat.optional(),
  name: importFileName,
  publish: flag.default(false),
});
export type ImportCreateQuery = z.infer<typeof importCreateQuery>;

export const importListQuery = z.strictObject({ kind: importKind.optional(), ...pagination });
export type ImportListQuery = z.infer<typeof importListQuery>;

export const importTemplateQuery = z.strictObject({ kind: importKind, format: z.enum(['xlsx', 'csv']).default('xlsx') });
export type ImportTemplateQuery = z.infer<typeof importTemplateQuery>;

/** One problem in an import file. `row` is the spreadsheet row (header = 1) or the JSONL line; 0 is the file itself. */
export const importRowErrorView = z.object({
  row: z.number().int(),
  field: z.string(),
  message: z.string(),
  messageEn: z.string(),
});
export type ImportRowError = z.infer<typeof importRowErrorView>;

export const importJobView = z.object({
  id: objectId,
  kind: importKind,
  format: importFormat,
  filename: z.string(),
  status: z.enum(IMPORT_STATUSES),
  publish: z.boolean(),
  /** File size and how much of it has been read (validation progress). */
  size: z.number().int(),
  bytesRead: z.number().int(),
  /** Data rows in the file; null until the whole file has been read. */
  total: z.number().int().nullable(),
  validated: z.number().int(),
  committed: z.number().int(),
  /** Rows with at least one problem, and the problems (lines of the error report). */
  invalidRows: z.number().int(),
  errorCount: z.number().int(),
  /** Why a job failed, in both languages. */
  message: z.string().nullable(),
  messageEn: z.string().nullable(),
  createdBy: z.object({ id: objectId, name: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
  validateMs: z.number().int().nullable(),
  commitMs: z.number().int().nullable(),
});
export type ImportJobView = z.infer<typeof importJobView>;

/** One job with the first problems of its report (the whole report is `errors.csv`). */
export const importJobDetailView = importJobView.extend({ errors: z.array(importRowErrorView) });
export type ImportJobDetailView = z.infer<typeof importJobDetailView>;

/** A column of an import file: `key` is the field name (also accepted as header), `zh` the template header. */
export interface ImportColumn {
  key: string;
  zh: string;
  en: string;
  required: boolean;
  /** Other headers people use for it. */
  aliases?: readonly string[];
  hint: { zh: string; en: string };
}

const LIST = { zh: '多个值用“；”分隔', en: 'separate several values with ";"' };
const contactColumns: ImportColumn[] = [
  { key: 'contact.name', zh: '联系人', en: 'Contact name', required: true, hint: { zh: '联系人姓名', en: 'Name of the contact person' } },
  { key: 'contact.phone', zh: '联系电话', en: 'Contact phone', required: true, hint: { zh: '手机号或带区号的固定电话', en: 'Mobile or landline with area code' } },
  { key: 'contact.email', zh: '联系邮箱', en: 'Contact email', required: true, aliases: ['电子邮箱', '邮箱'], hint: { zh: '电子邮箱', en: 'Email address' } },
];
const orgUsccColumn = (zhHint: string, enHint: string): ImportColumn => ({
  key: 'orgUscc',
  zh: '机构统一社会信用代码',
  en: 'Organisation credit code',
  required: true,
  aliases: ['统一社会信用代码', '机构信用代码'],
  hint: { zh: zhHint, en: enHint },
});
const keywordsColumn: ImportColumn = { key: 'keywords', zh: '关键词', en: 'Keywords', required: true, hint: { zh: `1–10 个，${LIST.zh}`, en: `1–10, ${LIST.en}` } };
const disciplineHint = { zh: '学科代码或名称，如 520 或 计算机科学技术', en: 'Discipline code or name, e.g. 520' };
const industryHint = { zh: '行业代码或名称，如 C36 或 汽车制造业', en: 'Industry code or name, e.g. C36' };
const cityColumn: ImportColumn = {
  key: 'city', zh: '所在市', en: 'City', required: true, aliases: ['所在地市', '城市', '地区'],
  hint: { zh: '市（州）名称或行政区划代码，如 长春市 或 220100', en: 'City name or division code, e.g. 220100' },
};

/** The columns of each kind of import file, in template order. */
export const IMPORT_COLUMNS: Record<ImportKind, readonly ImportColumn[]> = {
  results: [
    orgUsccColumn('成果所属机构（高校、科研院所）的代码，该机构须已在平台注册', 'Credit code of the owning university or institute (must exist)'),
    { key: 'title', zh: '成果名称', en: 'Title', required: true, hint: { zh: '不超过 100 字', en: 'At most 100 characters' } },
    { key: 'summary', zh: '成果简介', en: 'Summary', required: true, aliases: ['摘要', '成果摘要'], hint: { zh: '10–3000 字', en: '10–3000 characters' } },
    keywordsColumn,
    { key: 'discipline', zh: '学科', en: 'Discipline', required: true, aliases: ['学科分类', '所属学科'], hint: disciplineHint },
    { key: 'industry', zh: '行业', en: 'Industry', required: true, aliases: ['所属行业', '行业分类'], hint: industryHint },
    { key: 'maturity', zh: '成熟度', en: 'Maturity', required: true, aliases: ['技术成熟度'], hint: { zh: '实验室、小试、中试或产业化', en: 'lab, pilot_small, pilot or industrial' } },
    { key: 'trl', zh: '技术就绪度', en: 'TRL', required: false, aliases: ['技术就绪度（TRL）', 'TRL'], hint: { zh: '1–9，须与成熟度相符', en: '1–9, within the maturity' } },
    { key: 'transferModes', zh: '转化方式', en: 'Transfer modes', required: true, hint: { zh: `转让、许可、作价入股、合作开发、技术服务；${LIST.zh}`, en: `transfer, license, equity, co_development, service; ${LIST.en}` } },
    { key: 'price', zh: '价格（元）', en: 'Price (yuan)', required: true, aliases: ['价格', '转让价格'], hint: { zh: '金额（元，可写“80万”）或“面议”', en: 'Amount in yuan, or 面议 (negotiable)' } },
    cityColumn,
    { key: 'ip', zh: '知识产权', en: 'IP', required: false, hint: { zh: '每项“类型|编号|状态”，如 发明专利|ZL201410345054.1|已授权；多项用“；”分隔', en: 'Each "type|number|status"; several separated by ";"' } },
    { key: 'team', zh: '团队成员', en: 'Team', required: false, hint: { zh: '每人“姓名|角色”，多人用“；”分隔', en: 'Each "name|role"; several separated by ";"' } },
    { key: 'applications', zh: '应用领域', en: 'Applications', required: false, aliases: ['应用前景', '应用场景'], hint: { zh: '不超过 3000 字', en: 'At most 3000 characters' } },
    { key: 'advantages', zh: '技术优势', en: 'Advantages', required: false, hint: { zh: '每项“指标|数值|单位|对比基准”，多项用“；”分隔', en: 'Each "metric|value|unit|baseline"; several separated by ";"' } },
    ...contactColumns,
  ],
  needs: [
    orgUsccColumn('发布需求的企业的代码，该企业须已在平台注册', 'Credit code of the enterprise (must exist)'),
    { key: 'title', zh: '需求名称', en: 'Title', required: true, hint: { zh: '不超过 100 字', en: 'At most 100 characters' } },
    { key: 'problem', zh: '需求描述', en: 'Problem', required: true, aliases: ['问题描述', '技术难题'], hint: { zh: '10–5000 字', en: '10–5000 characters' } },
    { key: 'desiredOutcome', zh: '预期目标', en: 'Desired outcome', required: true, aliases: ['预期成果', '期望目标'], hint: { zh: '不超过 3000 字', en: 'At most 3000 characters' } },
    keywordsColumn,
    { key: 'industry', zh: '行业', en: 'Industry', required: true, aliases: ['所属行业', '行业分类'], hint: industryHint },
    { key: 'discipline', zh: '学科', en: 'Discipline', required: false, aliases: ['学科分类', '所属学科'], hint: disciplineHint },
    { key: 'budgetMin', zh: '预算下限（元）', en: 'Budget min (yuan)', required: false, aliases: ['预算下限'], hint: { zh: '金额（元）；预算面议时填“面议”', en: 'Amount in yuan; 面议 when negotiable' } },
    { key: 'budgetMax', zh: '预算上限（元）', en: 'Budget max (yuan)', required: false, aliases: ['预算上限'], hint: { zh: '金额（元）', en: 'Amount in yuan' } },
    { key: 'deadline', zh: '截止日期', en: 'Deadline', required: false, aliases: ['期望完成时间', '截止时间'], hint: { zh: 'YYYY-MM-DD，不早于今天', en: 'YYYY-MM-DD, not in the past' } },
    { key: 'cooperationModes', zh: '合作方式', en: 'Cooperation modes', required: true, hint: { zh: `如 委托开发、联合攻关；${LIST.zh}`, en: `e.g. commissioned, joint_research; ${LIST.en}` } },
    cityColumn,
    { key: 'county', zh: '所在县区', en: 'County', required: false, aliases: ['县区'], hint: { zh: '县、区名称', en: 'County or district' } },
    { key: 'confidentiality', zh: '公开程度', en: 'Confidentiality', required: true, aliases: ['保密级别', '保密程度'], hint: { zh: '公开、仅摘要公开或保密', en: 'public, summary_only or confidential' } },
    ...contactColumns,
  ],
  orgs: [
    { key: 'name', zh: '机构名称', en: 'Name', required: true, hint: { zh: '不超过 100 字', en: 'At most 100 characters' } },
    { key: 'type', zh: '机构类型', en: 'Type', required: true, hint: { zh: '高等院校、科研院所、企业、科技中介机构、金融机构或政府部门', en: 'university, institute, enterprise, intermediary, financial institution or government' } },
    { key: 'uscc', zh: '统一社会信用代码', en: 'Credit code', required: true, aliases: ['信用代码'], hint: { zh: '18 位，尚未在平台注册', en: '18 characters, not yet registered' } },
    cityColumn,
  ],
  commissioners: [
    {
      key: 'person', zh: '人员邮箱或手机号', en: 'Person email or mobile', required: true, aliases: ['邮箱或手机号', '手机号', '电子邮箱', '邮箱'],
      hint: { zh: '特派员在平台注册的邮箱或手机号，须为下列机构的成员', en: "The commissioner's account email or mobile; a member of the organisation below" },
    },
    orgUsccColumn('特派员所在单位（高校、科研院所或企业）的代码，该单位须已在平台注册', 'Credit code of his organisation (must exist)'),
    { key: 'term', zh: '服务年度', en: 'Term', required: true, aliases: ['年度'], hint: { zh: '今年或明年，如 2027', en: 'This year or next, e.g. 2027' } },
    { key: 'expertise', zh: '专业特长', en: 'Expertise', required: true, aliases: ['研究方向', '专长'], hint: { zh: '10–3000 字', en: '10–3000 characters' } },
    keywordsColumn,
    { key: 'disciplines', zh: '学科', en: 'Disciplines', required: true, aliases: ['学科分类'], hint: { zh: `1–5 个学科代码或名称；${LIST.zh}`, en: `1–5 discipline codes or names; ${LIST.en}` } },
    { key: 'industries', zh: '服务行业', en: 'Industries', required: true, aliases: ['行业'], hint: { zh: `1–5 个行业代码或名称；${LIST.zh}`, en: `1–5 industry codes or names; ${LIST.en}` } },
    { key: 'cities', zh: '服务市（州）', en: 'Cities served', required: false, aliases: ['服务地区'], hint: { zh: `整个市（州）都可服务时填写；${LIST.zh}`, en: `Whole cities he serves; ${LIST.en}` } },
    { key: 'counties', zh: '服务县（市、区）', en: 'Counties served', required: false, aliases: ['服务县区'], hint: { zh: `县级名称或代码，如 长春市九台区 或 220113；与服务市（州）至少填一项；${LIST.zh}`, en: `County names or codes; this or cities served is required; ${LIST.en}` } },
    { key: 'capacity', zh: '可服务企业数', en: 'Capacity', required: true, aliases: ['服务企业数'], hint: { zh: '同时服务的企业数，1–5', en: 'Enterprises at once, 1–5' } },
    { key: 'availability.daysPerMonth', zh: '每月服务天数', en: 'Days per month', required: false, hint: { zh: '1–31', en: '1–31' } },
    { key: 'availability.note', zh: '时间安排', en: 'Availability note', required: false, hint: { zh: '如 寒暑假可驻企', en: 'e.g. on site during vacations' } },
  ],
  carriers: [
    { key: 'type', zh: '载体类型', en: 'Carrier type', required: true, aliases: ['类型'], hint: { zh: '科技型创新企业、产业技术创新战略联盟、高新技术特色产业基地、企业科技创新中心、科技企业孵化器、重点实验室、院士工作站、科技创新创业人才', en: 'innovative_enterprise, alliance, industry_base, innovation_centre, incubator, key_lab, academician_workstation, talent' } },
    { key: 'name', zh: '载体名称', en: 'Name', required: true, hint: { zh: '2–100 字', en: '2–100 characters' } },
    { key: 'org', zh: '依托单位', en: 'Organisation', required: true, aliases: ['牵头单位', '依托单位名称或信用代码', '单位'], hint: { zh: '平台上机构的名称或统一社会信用代码（联盟填牵头单位）', en: "A registered organisation's name or credit code (an alliance's lead)" } },
    { key: 'summary', zh: '简介', en: 'Summary', required: true, aliases: ['载体简介'], hint: { zh: '10–3000 字', en: '10–3000 characters' } },
    { key: 'certificateNo', zh: '认定证书编号', en: 'Certificate no.', required: true, aliases: ['证书编号', '认定编号'], hint: { zh: '如 吉科认字〔2013〕012号', en: 'As on the certificate' } },
    { key: 'recognisedOn', zh: '认定日期', en: 'Recognised on', required: true, aliases: ['认定时间'], hint: { zh: 'YYYY-MM-DD', en: 'YYYY-MM-DD' } },
    { key: 'industry', zh: '行业', en: 'Industry', required: false, aliases: ['所属行业'], hint: { zh: '行业代码或名称；企业、联盟、基地、创新中心、院士工作站必填', en: 'Industry code or name; required except for incubators, labs, talents' } },
    { ...cityColumn, key: 'city', required: false, zh: '基地所在市', aliases: ['基地所在地'], hint: { zh: '高新技术特色产业基地必填', en: 'Required for industry bases' } },
    { key: 'field', zh: '领域方向', en: 'Field', required: false, aliases: ['领域'], hint: { zh: '科技型创新企业、创新中心、人才必填', en: 'Required for innovative enterprises, centres and talents' } },
    { key: 'orgs', zh: '成员或入驻单位', en: 'Member organisations', required: false, aliases: ['成员单位', '基地企业', '在孵企业'], hint: { zh: `联盟成员、基地企业或在孵企业的名称或信用代码；${LIST.zh}`, en: `Names or credit codes; ${LIST.en}` } },
    { key: 'areaSqm', zh: '场地面积（平方米）', en: 'Floor area (m²)', required: false, aliases: ['孵化面积'], hint: { zh: '孵化器必填', en: 'Required for incubators' } },
    { key: 'discipline', zh: '学科', en: 'Discipline', required: false, hint: { zh: '重点实验室必填', en: 'Required for key laboratories' } },
    { key: 'level', zh: '级别', en: 'Level', required: false, hint: { zh: '国家级或省级（重点实验室）', en: 'national or provincial' } },
    { key: 'academicianName', zh: '院士姓名', en: 'Academician', required: false, hint: { zh: '院士工作站必填', en: 'Required for workstations' } },
    { key: 'academy', zh: '院士所属学部', en: 'Academy', required: false, aliases: ['学部'], hint: { zh: '中国科学院或中国工程院', en: 'cas or cae' } },
    { key: 'academicianField', zh: '院士研究领域', en: 'Academician field', required: false, hint: { zh: '院士工作站必填', en: 'Required for workstations' } },
    { key: 'team', zh: '团队成员', en: 'Team', required: false, hint: { zh: '每人“姓名|角色”，多人用“；”分隔', en: 'Each "name|role"; several separated by ";"' } },
    { key: 'personName', zh: '人才姓名', en: 'Talent', required: false, hint: { zh: '科技创新创业人才必填', en: 'Required for talents' } },
  ],
  serviceRequests: [
    orgUsccColumn('提出需求的企业的代码，该企业须已在平台注册', 'Credit code of the enterprise (must exist)'),
    { key: 'title', zh: '需求名称', en: 'Title', required: true, hint: { zh: '不超过 100 字', en: 'At most 100 characters' } },
    { key: 'problem', zh: '问题描述', en: 'Problem', required: true, aliases: ['需求描述', '技术难题'], hint: { zh: '10–5000 字', en: '10–5000 characters' } },
    { key: 'industry', zh: '行业', en: 'Industry', required: true, aliases: ['所属行业', '行业分类'], hint: industryHint },
    cityColumn,
    { key: 'county', zh: '所在县区', en: 'County', required: false, aliases: ['县区', '所在县（市、区）'], hint: { zh: '县级名称或代码，须属于所在市', en: 'County name or code, within the city' } },
    { ...keywordsColumn, zh: '所需专长关键词', aliases: ['关键词'] },
    { key: 'urgency', zh: '紧迫程度', en: 'Urgency', required: true, aliases: ['紧急程度'], hint: { zh: '不急、一般、较急或紧急', en: 'low, normal, high or urgent' } },
    {
      key: 'owner', zh: '负责人邮箱或手机号', en: 'Owner email or mobile', required: false, aliases: ['负责人'],
      hint: { zh: '企业成员的邮箱或手机号；不填则由企业的注册人负责', en: "A member's email or mobile; if empty the enterprise's registrant owns it" },
    },
  ],
};

/** The listings one import created (drafts the administrator follows up), newest first. */
export const importListingsQuery = z.strictObject({ ...pagination });
export type ImportListingsQuery = z.infer<typeof importListingsQuery>;
export const importListingView = z.object({
  id: objectId,
  kind: listingKind,
  title: z.string(),
  org: listingOrgView,
  status: listingStatus,
  updatedAt: z.string(),
});
export type ImportListingView = z.infer<typeof importListingView>;
