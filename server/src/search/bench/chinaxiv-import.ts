/**
 * The ChinaXiv papers as published research results of the platform: one organisation per distinct
 * institution list (its name is the list, so institution queries can find it in `orgName`), the
 * paper's fields validated by the API's own `resultInput`, stored in FerretDB as the demo seed and
 * the bulk imports store theirs: `searchV: 1` without the outbox flag, for the index sync's
 * reconciliation to push (clearing 9,702 flags would cost one FerretDB update each). Deterministic
 * from the paper ids.
 */
import { createHash, randomBytes } from 'node:crypto';
import { TfIdf } from '@node-rs/jieba';
import { idf } from '@node-rs/jieba/dict';
import { CITY_CODES, makeUscc, resultInput, type OrgType } from '@kezhuan/shared';
import { Types } from 'mongoose';
import type { ProgressBar } from '../../lib/progress';
import { hashPassword } from '../../modules/auth/password';
import { historyEntry } from '../../modules/listings/lifecycle';
import { OrgModel, orgNameKey } from '../../modules/orgs/org.model';
import { ResearchResultModel } from '../../modules/results/result.model';
import { resultContent } from '../../modules/results/result.service';
import { UserModel } from '../../modules/users/user.model';
import { jieba } from '../text/segment';
import { keywordVocabulary, listingKeywords, type SplitStats } from './chinaxiv-keywords';
import type { Paper } from './corpus';
import { clcClass, seeded } from '../../seed/chinaxiv-clc';

/** Papers without a CLC class: a discipline from words of the title, else basic engineering. */
const TITLE_CUES: [RegExp, string, string][] = [
  [/心理|认知|情绪|儿童|青少年/u, '190', 'Q'], [/患者|临床|病|癌|肿瘤|医院/u, '320', 'Q'], [/中药|中医/u, '360', 'C27'],
  [/小麦|玉米|水稻|作物|土壤|施肥|灌溉/u, '210', 'A'], [/森林|林分|树种/u, '220', 'A'], [/基因|蛋白|细胞|微生物|菌/u, '180', 'M'],
  [/生态|植被|荒漠|湿地|环境|污染/u, '610', 'N'], [/气候|降水|地貌|冰川|地质|遥感/u, '170', 'M'], [/星系|恒星|天文|望远镜/u, '160', 'M'],
  [/算法|网络|数据|模型|学习|识别|图像/u, '520', 'I'], [/经济|产业|金融|市场/u, '790', 'L'], [/智库|情报|图书馆|文献|期刊/u, '870', 'R'],
  [/教育|教学|高校/u, '880', 'P'], [/材料|合金|薄膜/u, '430', 'M'], [/电池|能源|光伏|风电/u, '480', 'D'],
];

const MATURITIES = [['lab', 3], ['pilot_small', 5], ['pilot', 6], ['industrial', 8]] as const;
const MODES = ['transfer', 'license', 'equity', 'co_development', 'service'] as const;
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const DAY = 86_400_000;
const NO_INSTITUTION = '未注明单位';

/** A deterministic ObjectId for a paper or an organisation name (tuning runs reuse their indexes). */
const idFor = (key: string): Types.ObjectId => new Types.ObjectId(createHash('sha256').update(key).digest('hex').slice(0, 24));

export function classify(p: Paper): { discipline: string; industry: string } {
  const cue = TITLE_CUES.find(([re]) => re.test(p.title));
  return clcClass(p.clc) ?? (cue ? { discipline: cue[1], industry: cue[2] } : { discipline: '410', industry: 'M' });
}

/** The organisation a paper is listed by: its institutions as one name. */
export const orgNameOf = (p: Paper): string => (p.institutions.length > 0 ? p.institutions.join(' ') : NO_INSTITUTION);

function orgTypeOf(name: string): OrgType {
  if (/公司|企业|集团/u.test(name)) {
    return 'enterprise';
  }
  return /大学|学院|学校/u.test(name) ? 'university' : 'institute';
}

/** A valid unified social credit code, unique per index (public institution 12…, enterprise 91…). */
function usccFor(i: number, type: OrgType, city: string): string {
  let body = '';
  for (let n = i; body.length < 8; n = Math.floor(n / 31)) {
    body = USCC_ALPHABET[n % 31] + body;
  }
  return makeUscc(type === 'enterprise' ? '91' : '12', city, `K${body}`);
}

let tfidf: TfIdf | undefined;

/** Keywords for a paper that has none (the API requires one): the title's most informative words. */
function titleKeywords(title: string): string[] {
  tfidf ??= TfIdf.withDict(idf);
  const ks = tfidf.extractKeywords(jieba(), title, 3).map((k) => k.keyword);
  return ks.length > 0 ? ks : [title.slice(0, 20)];
}

export interface ChinaxivData {
  orgs: { _id: Types.ObjectId; name: string; nameKey: string; type: OrgType; uscc: string; city: string; verified: true; verifiedAt: Date }[];
  /** Research result records, complete but for `owner` (set on insert). */
  results: ReturnType<typeof toRecord>[];
  /** ChinaXiv id → the research result's id (the search document id). */
  idOf: Map<string, string>;
  split: SplitStats;
  /** Papers without keywords that got the title's key words. */
  titleKeywords: number;
}

function toRecord(p: Paper, i: number, keywords: string[], org: Types.ObjectId, now: Date) {
  const [maturity, trl] = MATURITIES[Math.floor(seeded(p.id, 'maturity') * MATURITIES.length)]!;
  const negotiable = seeded(p.id, 'price') < 0.4;
  const input = resultInput.parse({
    title: p.title,
    summary: p.abstract,
    keywords,
    ...classify(p),
    maturity,
    trl,
    transferModes: [...new Set([MODES[i % MODES.length]!, ...MODES.filter((_, k) => seeded(p.id, `mode${k}`) < 0.3)])],
    ...(negotiable ? { negotiable: true } : { price: Math.round(5 + seeded(p.id, 'amount') ** 2 * 495) * 10_000 }),
    city: CITY_CODES[Math.floor(seeded(p.id, 'city') * CITY_CODES.length)],
    contact: { name: '成果转化办公室', phone: '0431-85166000', email: 'ttc@demo.kezhuan.cn' },
  });
  const publishedAt = new Date(now.getTime() - (i % 150) * DAY - 3_600_000);
  return {
    _id: idFor(`paper:${p.id}`), ...resultContent(input), attachments: [], org, owner: null as Types.ObjectId | null,
    status: 'published' as const, submittedAt: publishedAt, publishedAt, lastConfirmedAt: publishedAt, announcedAt: now,
    searchV: 1, searchDirty: false, history: [] as ReturnType<typeof historyEntry>[], createdAt: now, updatedAt: now,
  };
}

/** The organisations and results of the papers, in memory. */
export function buildChinaxiv(papers: readonly Paper[], now = new Date()): ChinaxivData {
  const orgNames = [...new Set(papers.map(orgNameOf))];
  const orgIds = new Map(orgNames.map((n) => [n, idFor(`org:${n}`)]));
  const orgs = orgNames.map((name, i) => {
    const type = orgTypeOf(name);
    const city = CITY_CODES[Math.floor(seeded(name, 'city') * CITY_CODES.length)]!;
    return { _id: orgIds.get(name)!, name, nameKey: orgNameKey(name), type, uscc: usccFor(i, type, city), city, verified: true as const, verifiedAt: now };
  });
  const vocab = keywordVocabulary(papers.map((p) => p.keywords));
  const data: ChinaxivData = { orgs, results: [], idOf: new Map(), split: { separated: 0, unglued: 0 }, titleKeywords: 0 };
  papers.forEach((p, i) => {
    let keywords = listingKeywords(p.keywords, vocab, data.split);
    if (keywords.length === 0) {
      keywords = titleKeywords(p.title);
      data.titleKeywords++;
    }
    const record = toRecord(p, i, keywords, orgIds.get(orgNameOf(p))!, now);
    data.idOf.set(p.id, String(record._id));
    data.results.push(record);
  });
  return data;
}

/**
 * Inserts the organisations, an owner account and the published results (not indexed yet), in
 * batches. Orgs and results are validated by their Mongoose models on the way in.
 */
export async function importChinaxiv(papers: readonly Paper[], bar?: ProgressBar, now = new Date()): Promise<ChinaxivData> {
  const data = buildChinaxiv(papers, now);
  const total = data.orgs.length + data.results.length;
  for (let i = 0; i < data.orgs.length; i += 1000) {
    await OrgModel.insertMany(data.orgs.slice(i, i + 1000));
    bar?.update(Math.min(i + 1000, data.orgs.length), total, 'organisations');
  }
  const owner = await UserModel.create({
    email: 'chinaxiv-import@demo.kezhuan.cn', phone: '13804310999', displayName: 'ChinaXiv 导入', role: 'researcher',
    org: data.orgs[0]?._id ?? null, passwordHash: await hashPassword(randomBytes(24).toString('hex')),
  });
  const by = { id: owner._id, name: 'ChinaXiv 导入' };
  for (const r of data.results) {
    r.owner = owner._id;
    r.history = [historyEntry('approve', 'submitted', 'published', by, r.publishedAt)];
  }
  for (let i = 0; i < data.results.length; i += 500) {
    await ResearchResultModel.insertMany(data.results.slice(i, i + 500));
    bar?.update(data.orgs.length + Math.min(i + 500, data.results.length), total, 'research results');
  }
  return data;
}
