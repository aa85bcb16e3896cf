/**
 * The columns of each kind of import file (labels in `@kezhuan/shared`) with the parser of each
 * cell, and the way back from a zod issue's path to the column the user should fix.
 */
import { IMPORT_COLUMNS, type ImportColumn, type ImportKind } from '@kezhuan/shared';
import {
  amountOrNegotiable,
  cities,
  confidentialities,
  cooperationModes,
  counties,
  intCell,
  urgencies,
  dateCell,
  disciplines,
  industries,
  ipCell,
  itemsCell,
  listCell,
  loose,
  maturities,
  orgTypes,
  textCell,
  transferModes,
  trlCell,
  usccCell,
  vocabCell,
  vocabListCell,
  vocabulary,
  type CellParser,
} from './cell-parsers';
import { ACADEMIES, ACADEMY_LABELS, CARRIER_TYPE_INFO, CARRIER_TYPES } from '@kezhuan/shared';

const carrierTypes = vocabulary(CARRIER_TYPES.map((code) => ({ code, zh: CARRIER_TYPE_INFO[code].zh, en: CARRIER_TYPE_INFO[code].en })), {
  创新企业: 'innovative_enterprise', 联盟: 'alliance', 产业基地: 'industry_base', 特色产业基地: 'industry_base', 创新中心: 'innovation_centre', 工程技术研究中心: 'innovation_centre',
  孵化器: 'incubator', 重点实验室: 'key_lab', 工作站: 'academician_workstation', 人才: 'talent',
});
const labLevels = vocabulary([{ code: 'national', zh: '国家级', en: 'national' }, { code: 'provincial', zh: '省级', en: 'provincial' }]);
const academies = vocabulary(ACADEMIES.map((code) => ({ code, ...ACADEMY_LABELS[code] })), { 中科院: 'cas', 工程院: 'cae' });

const city = vocabCell(cities, { zh: '市（州）', en: 'city' });
const discipline = vocabCell(disciplines, { zh: '学科', en: 'discipline' });
const industry = vocabCell(industries, { zh: '行业', en: 'industry' });
const contact = { 'contact.name': textCell, 'contact.phone': textCell, 'contact.email': textCell };

const PARSERS: Record<ImportKind, Record<string, CellParser>> = {
  results: {
    orgUscc: usccCell,
    title: textCell,
    summary: textCell,
    keywords: listCell,
    discipline,
    industry,
    maturity: vocabCell(maturities, { zh: '成熟度', en: 'maturity' }),
    trl: trlCell,
    transferModes: vocabListCell(transferModes, { zh: '转化方式', en: 'transfer mode' }),
    price: amountOrNegotiable,
    city,
    ip: ipCell,
    team: itemsCell(['name', 'role']),
    applications: textCell,
    advantages: itemsCell(['metric', 'value', 'unit', 'baseline']),
    ...contact,
  },
  needs: {
    orgUscc: usccCell,
    title: textCell,
    problem: textCell,
    desiredOutcome: textCell,
    keywords: listCell,
    industry,
    discipline,
    budgetMin: amountOrNegotiable,
    budgetMax: amountOrNegotiable,
    deadline: dateCell,
    cooperationModes: vocabListCell(cooperationModes, { zh: '合作方式', en: 'cooperation mode' }),
    city,
    county: textCell,
    confidentiality: vocabCell(confidentialities, { zh: '公开程度', en: 'confidentiality' }),
    ...contact,
  },
  orgs: {
    name: textCell,
    type: vocabCell(orgTypes, { zh: '机构类型', en: 'organisation type' }),
    uscc: usccCell,
    city,
  },
  commissioners: {
    person: textCell,
    orgUscc: usccCell,
    term: intCell,
    expertise: textCell,
    keywords: listCell,
    disciplines: vocabListCell(disciplines, { zh: '学科', en: 'discipline' }),
    industries: vocabListCell(industries, { zh: '行业', en: 'industry' }),
    cities: vocabListCell(cities, { zh: '市（州）', en: 'city' }),
    counties: vocabListCell(counties, { zh: '县（市、区）', en: 'county' }),
    capacity: intCell,
    'availability.daysPerMonth': intCell,
    'availability.note': textCell,
  },
  carriers: {
    type: vocabCell(carrierTypes, { zh: '载体类型', en: 'carrier type' }),
    name: textCell,
    org: textCell,
    summary: textCell,
    certificateNo: textCell,
    recognisedOn: dateCell,
    industry: vocabCell(industries, { zh: '行业', en: 'industry' }),
    city: vocabCell(cities, { zh: '市（州）', en: 'city' }),
    field: textCell,
    orgs: listCell,
    areaSqm: intCell,
    discipline: vocabCell(disciplines, { zh: '学科', en: 'discipline' }),
    level: vocabCell(labLevels, { zh: '级别', en: 'level' }),
    academicianName: textCell,
    academy: vocabCell(academies, { zh: '学部', en: 'academy' }),
    academicianField: textCell,
    team: itemsCell(['name', 'role']),
    personName: textCell,
  },
  serviceRequests: {
    orgUscc: usccCell,
    title: textCell,
    problem: textCell,
    industry,
    city,
    county: vocabCell(counties, { zh: '县（市、区）', en: 'county' }),
    keywords: listCell,
    urgency: vocabCell(urgencies, { zh: '紧迫程度', en: 'urgency' }),
    owner: textCell,
  },
};

export interface KindColumns {
  kind: ImportKind;
  columns: readonly ImportColumn[];
  /** The column a header (Chinese label, English label, field name or alias) names. */
  byHeader(header: string): ImportColumn | undefined;
  parser(key: string): CellParser;
  /** The column a zod issue path points at (`contact.phone`, `ip.items.0.number` → ip). */
  forPath(path: readonly PropertyKey[]): ImportColumn | undefined;
}

/** Header text as compared: no spaces, half-width brackets, lower case, no required-marker `*`. */
function headerKey(h: string): string {
  return loose(h).replace(/^\*|\*$/g, '');
}

function build(kind: ImportKind): KindColumns {
  const columns = IMPORT_COLUMNS[kind];
  const byName = new Map<string, ImportColumn>();
  for (const c of columns) {
    for (const name of [c.key, c.zh, c.en, ...(c.aliases ?? [])]) {
      byName.set(headerKey(name), c);
    }
  }
  const byKey = new Map(columns.map((c) => [c.key, c]));
  // Issues on `negotiable` belong to the column where 面议 is written.
  const negotiableColumn = byKey.get('price') ?? byKey.get('budgetMin');
  return {
    kind,
    columns,
    byHeader: (header) => byName.get(headerKey(header)),
    parser: (key) => PARSERS[kind][key] ?? textCell,
    forPath(path) {
      const [first, second] = path.map(String);
      if (first === 'negotiable') {
        return negotiableColumn;
      }
      return (
        byKey.get(`${first}.${second}`) ??
        byKey.get(first ?? '') ??
        columns.find((c) => c.key.startsWith(`${first}.`))
      );
    },
  };
}

export const KIND_COLUMNS: Record<ImportKind, KindColumns> = {
  results: build('results'),
  needs: build('needs'),
  orgs: build('orgs'),
  commissioners: build('commissioners'),
  serviceRequests: build('serviceRequests'),
  carriers: build('carriers'),
};
