/**
 * Cell texts → API input values. People type codes or Chinese names, full-width or half-width,
 * "80万" for a price, "面议" for negotiable, lists separated by ；;,，、 — each parser accepts what a
 * spreadsheet user would write and answers with the input fields to set, or a message in both
 * languages when it cannot tell what was meant. Range and format checks stay with the zod schemas.
 */
import { CITIES, COUNTIES, CONFIDENTIALITY_LEVELS, COOPERATION_MODES, DISCIPLINES, INDUSTRIES, IP_STATUSES, IP_TYPES, MATURITY_LEVELS, ORG_TYPE_LABELS, ORG_TYPES, TRANSFER_MODES } from '@kezhuan/shared';

export interface Words {
  zh: string;
  en: string;
}

/** The input fields a cell sets (dotted paths), or why it could not be read. */
export type Parsed = { set: [string, unknown][] } | { error: Words };
export type CellParser = (text: string, key: string) => Parsed;

const set = (key: string, value: unknown): Parsed => ({ set: [[key, value]] });

/** Full-width letters, digits and brackets to half-width; spaces out; for matching codes and names only. */
export function loose(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** Splits a list cell: ；;,，、 and line breaks separate values. */
export function splitList(text: string): string[] {
  return text
    .split(/[；;,，、\r\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Splits a cell of items ("a|b；c|d"): items by ；; or line breaks, parts by | or ｜. */
function splitItems(text: string): string[][] {
  return text
    .split(/[；;\r\n]+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((item) => item.split(/[|｜]/).map((p) => p.trim()));
}

export const textCell: CellParser = (text, key) => set(key, text);
export const listCell: CellParser = (text, key) => set(key, splitList(text));

interface Term {
  code: string;
  zh: string;
  en: string;
}

/** A lookup from names to codes that can also name the closest term to a name it does not know. */
export type VocabLookup = ((text: string) => string | undefined) & { nearest: (text: string) => Term | undefined };

/** Levenshtein distance between two short strings (code points). */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= y.length; j += 1) {
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[y.length] as number;
}

/**
 * The term a mistyped name most likely meant: a name within a small edit distance (one typo in a
 * short name, about one in three characters in a longer one), else the shortest name that
 * contains what was typed or is contained in it (汽车制造 → 汽车制造业). Undefined when nothing is close.
 */
function nearestTerm(names: ReadonlyMap<string, Term>, text: string): Term | undefined {
  const key = loose(text);
  if (!key) {
    return undefined;
  }
  let best: { term: Term; score: number } | undefined;
  for (const [name, term] of names) {
    const limit = Math.max(1, Math.floor(Math.min([...name].length, [...key].length) / 3));
    const d = editDistance(key, name);
    const contains = [...key].length >= 2 && (name.includes(key) || key.includes(name)) && [...name].length >= 2;
    const score = d <= limit ? d : contains ? limit + 1 + Math.abs([...name].length - [...key].length) / 100 : Infinity;
    if (score < (best?.score ?? Infinity)) {
      best = { term, score };
    }
  }
  return best?.term;
}

/** A lookup from codes, Chinese and English names (and extra names) to codes. */
export function vocabulary(terms: readonly Term[], extra: Record<string, string> = {}): VocabLookup {
  const index = new Map<string, string>();
  const names = new Map<string, Term>();
  const byCode = new Map(terms.map((t) => [t.code, t]));
  for (const t of terms) {
    for (const name of [t.code, t.zh, t.en]) {
      index.set(loose(name), t.code);
      names.set(loose(name), t);
    }
  }
  for (const [name, code] of Object.entries(extra)) {
    index.set(loose(name), code);
    const term = byCode.get(code);
    if (term) {
      names.set(loose(name), term);
    }
  }
  const lookup = (text: string): string | undefined => {
    const key = loose(text);
    const exact = index.get(key);
    if (exact) {
      return exact;
    }
    // "C36 汽车制造业", "520-计算机科学技术": a code followed by its Chinese name; the name decides.
    const codeFirst = /^([a-z]?\d{1,3}|[a-z])(?:[-:.、]|(?=[\u4e00-\u9fff]))(.+)$/.exec(key);
    return codeFirst ? (index.get(codeFirst[2] ?? '') ?? index.get(codeFirst[1] ?? '')) : undefined;
  };
  return Object.assign(lookup, { nearest: (text: string) => nearestTerm(names, text) });
}

const unknownTerm = (label: Words, text: string, lookup: VocabLookup): Words => {
  const near = lookup.nearest(text);
  if (!near) {
    return { zh: `无法识别的${label.zh}“${text}”`, en: `Unknown ${label.en} "${text}"` };
  }
  const named = near.code === near.zh ? near.zh : `${near.code} ${near.zh}`;
  return {
    zh: `无法识别的${label.zh}“${text}”，是否为“${named}”？`,
    en: `Unknown ${label.en} "${text}"; did you mean "${near.code === near.en ? near.en : `${near.code} ${near.en}`}"?`,
  };
};

export function vocabCell(lookup: VocabLookup, label: Words): CellParser {
  return (text, key) => {
    const code = lookup(text);
    return code ? set(key, code) : { error: unknownTerm(label, text, lookup) };
  };
}

export function vocabListCell(lookup: VocabLookup, label: Words): CellParser {
  return (text, key) => {
    const codes: string[] = [];
    for (const part of splitList(text)) {
      const code = lookup(part);
      if (!code) {
        return { error: unknownTerm(label, part, lookup) };
      }
      codes.push(code);
    }
    return set(key, codes);
  };
}

export const disciplines = vocabulary(DISCIPLINES);
export const industries = vocabulary(INDUSTRIES);
export const maturities = vocabulary(MATURITY_LEVELS, { 实验室阶段: 'lab', 小试阶段: 'pilot_small', 中试阶段: 'pilot', 产业化阶段: 'industrial' });
export const transferModes = vocabulary(TRANSFER_MODES, { 技术转让: 'transfer', 技术许可: 'license', 许可使用: 'license', 入股: 'equity' });
export const cooperationModes = vocabulary(COOPERATION_MODES, { 转让: 'transfer', 许可: 'license', 入股: 'equity', 技术服务: 'service', 技术咨询: 'service' });
export const confidentialities = vocabulary(CONFIDENTIALITY_LEVELS, { 摘要公开: 'summary_only', 不公开: 'confidential' });
export const ipTypes = vocabulary(IP_TYPES, { 发明: 'invention', 实用新型: 'utility', 外观设计: 'design', 软著: 'software', 软件著作权登记: 'software' });
export const ipStatuses = vocabulary(IP_STATUSES, { 已受理: 'pending', 授权: 'granted', 有效: 'granted' });
export const orgTypes = vocabulary(
  ORG_TYPES.map((code) => ({ code, ...ORG_TYPE_LABELS[code] })),
  {
    高校: 'university', 大学: 'university', 研究所: 'institute', 科研机构: 'institute', 中介机构: 'intermediary', 中介: 'intermediary', 政府: 'government',
    金融: 'financial', 银行: 'financial', 投资机构: 'financial', 担保机构: 'financial',
  },
);
/** Cities by code, full name, short name (长春, 延边) and English name. */
export const cities = vocabulary(
  CITIES,
  Object.fromEntries(CITIES.flatMap((c) => [[c.zh.replace(/(市|朝鲜族自治州)$/, ''), c.code], [c.zh.replace(/朝鲜族自治州$/, '州'), c.code]])),
);

const NEGOTIABLE = new Set(['面议', '价格面议', '议价', 'negotiable']);

/** "800000", "800,000元", "¥80万", "80 万元" → yuan. */
export function amount(text: string): number | undefined {
  const s = loose(text).replace(/^[¥￥]/, '').replace(/元$/, '').replace(/,/g, '');
  const m = /^(\d+(?:\.\d+)?)(万)?$/.exec(s);
  if (!m) {
    return undefined;
  }
  const n = Number(m[1]) * (m[2] ? 10_000 : 1);
  return Math.round(n * 100) / 100;
}

const amountError: Words = { zh: '应为金额（元），如 800000 或 80万，或填写“面议”', en: 'Expected an amount in yuan (e.g. 800000), or 面议 (negotiable)' };

/** A price or budget bound: an amount sets `key`, 面议 sets `negotiable`. */
export const amountOrNegotiable: CellParser = (text, key) => {
  if (NEGOTIABLE.has(loose(text))) {
    return set('negotiable', true);
  }
  const n = amount(text);
  return n === undefined ? { error: amountError } : set(key, n);
};

export const trlCell: CellParser = (text, key) => {
  const m = /^(?:trl)?(\d+)$/.exec(loose(text));
  return m ? set(key, Number(m[1])) : { error: { zh: '技术就绪度应为 1–9 的整数', en: 'TRL must be a whole number from 1 to 9' } };
};

/** 2099-12-31, 2099/12/31, 2099.12.31, 2099年12月31日 → 2099-12-31 (the schema checks the date). */
export const dateCell: CellParser = (text, key) => {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(loose(text));
  return set(key, m ? `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}` : text.trim());
};

export const usccCell: CellParser = (text, key) => set(key, loose(text).toUpperCase());

const IP_LABEL = { zh: '知识产权类型', en: 'IP type' };
const IP_STATUS_LABEL = { zh: '知识产权状态', en: 'IP status' };

/** "发明专利|ZL201410345054.1|已授权；技术秘密" → ip.items. Know-how needs no number or status. */
export const ipCell: CellParser = (text, key) => {
  const items: Record<string, string>[] = [];
  for (const [type = '', number = '', status = ''] of splitItems(text)) {
    const code = ipTypes(type);
    if (!code) {
      return { error: unknownTerm(IP_LABEL, type, ipTypes) };
    }
    const statusCode = status ? ipStatuses(status) : code === 'know_how' ? 'none' : undefined;
    if (status && !statusCode) {
      return { error: unknownTerm(IP_STATUS_LABEL, status, ipStatuses) };
    }
    items.push({ type: code, ...(number ? { number } : {}), ...(statusCode ? { status: statusCode } : {}) });
  }
  return set(key, { items });
};

/** Items of several parts ("王教授|负责人；李博士") → objects with the named fields. */
export function itemsCell(fields: readonly string[]): CellParser {
  return (text, key) =>
    set(
      key,
      splitItems(text).map((parts) => Object.fromEntries(fields.flatMap((f, i) => (parts[i] ? [[f, parts[i]]] : [])))),
    );
}

/** A whole number ("3", "３", "3人", "2027年"); the schema checks the range. */
export const intCell: CellParser = (text, key) => {
  const m = /^(\d+)(?:人|家|天|年|个)?$/.exec(loose(text));
  return m ? set(key, Number(m[1])) : { error: { zh: '应为整数', en: 'Expected a whole number' } };
};

/** Jilin's counties by code, name (九台区), city and name (长春市九台区, 长春九台区); names met in several cities are left to the city-qualified form. */
export const counties = (() => {
  const extra: Record<string, string> = {};
  const seen = new Map<string, number>();
  for (const c of COUNTIES) {
    seen.set(c.zh, (seen.get(c.zh) ?? 0) + 1);
  }
  for (const c of COUNTIES) {
    const city = CITIES.find((x) => x.code === c.city);
    for (const prefix of city ? [city.zh, city.zh.replace(/(市|朝鲜族自治州)$/, '')] : []) {
      extra[`${prefix}${c.zh}`] = c.code;
    }
  }
  const unique = COUNTIES.filter((c) => seen.get(c.zh) === 1);
  return vocabulary(unique.map((c) => ({ code: c.code, zh: c.zh, en: c.en })), extra);
})();

export const urgencies = vocabulary(
  [
    { code: 'low', zh: '不急', en: 'Low' },
    { code: 'normal', zh: '一般', en: 'Normal' },
    { code: 'high', zh: '较急', en: 'High' },
    { code: 'urgent', zh: '紧急', en: 'Urgent' },
  ],
  { 低: 'low', 普通: 'normal', 中: 'normal', 高: 'high', 急: 'high', 非常紧急: 'urgent', 特急: 'urgent' },
);
