/**
 * Builds the demo research results from ChinaXiv preprints (CC BY 4.0, "ChinaXiv, via
 * github.com/DreamBlooms/ChinaXiv-201601-to-202209"): each paper goes to the Jilin university or
 * institute that works in its field (`jilin-institutions.ts`; papers that fit none, or are about
 * another region, are left out), papers on Jilin's flagship topics (人参, 碳纤维, 玉米深加工,
 * 汽车电子, 光电子) are all taken, the demo researcher and commissioner own results in their own
 * fields, and publication dates spread over 2023–2026. Written as research-result inputs to
 * server/src/seed/data/chinaxiv-results.jsonl.gz, which is committed (the platform must not need
 * ../shared at run time). Every derived field is deterministic from the paper id.
 *
 *   npx tsx server/src/seed/tools/build-chinaxiv-demo.ts [count]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { LISTING_LIMITS, patentCheckChar, resultInput } from '@kezhuan/shared';
import { clcClass, seeded } from '../chinaxiv-clc';
import { assignInstitution, FLAGSHIP_TOPICS } from '../jilin-institutions';
import { plainMath } from './plain-math';

const here = dirname(fileURLToPath(import.meta.url));
const SOURCE = resolve(here, '../../../../../shared/data/chinaxiv/corpus.jsonl.gz');
const OUT = resolve(here, '../data/chinaxiv-results.jsonl.gz');
const COUNT = Number(process.argv[2] ?? 1500);

interface Paper { id: string; title: string; abstract: string; keywords: string[]; clc?: string; institutions?: string[] }

/** Publication dates spread from here to FIRST_DAY + SPAN_DAYS (2023-01-01 … 2026-11-30). */
const FIRST_DAY = Date.UTC(2023, 0, 1);
const SPAN_DAYS = 1429;
/** The demo researcher (吉林大学, vehicle engineering) and commissioner (长春应化所, materials) own results in their fields. */
const OWNERS: [org: string, topics: RegExp, owner: 'researcher' | 'commissioner'][] = [
  ['吉林大学', /汽车|车辆|车载|发动机|底盘|驾驶/, 'researcher'],
  ['中国科学院长春应用化学研究所', /碳纤维|高分子|聚合物|复合材料|聚乳酸|树脂/, 'commissioner'],
];

const MATURITIES: [string, number][] = [['lab', 0.4], ['pilot_small', 0.25], ['pilot', 0.2], ['industrial', 0.15]];
const TRL = { lab: 3, pilot_small: 5, pilot: 6, industrial: 8 } as Record<string, number>;
const MODES = ['transfer', 'license', 'equity', 'co_development', 'service'];
/** Where each institution is (results are listed in their institution's city). */
const ORG_CITY: Record<string, string> = { 延边大学: '222400', 东北电力大学: '220200' };

function pick<T>(id: string, purpose: string, weighted: [T, number][]): T {
  let r = seeded(id, purpose);
  for (const [v, w] of weighted) {
    if ((r -= w) < 0) {
      return v;
    }
  }
  return weighted[weighted.length - 1]![0];
}

/**
 * Splits keyword strings that the source glued together with separators (never at spaces inside
 * English terms such as "deep learning"); keywords are kept whole, never cut.
 */
function keywordsOf(p: Paper): string[] {
  // Spaces between Chinese words separate keywords too (the source glued some lists with spaces).
  const out = p.keywords.flatMap((k) => k.split(/[;；,，、]+|(?<=[\u4e00-\u9fa5])\s+(?=[\u4e00-\u9fa5])/)).map((k) => k.trim().replace(/\s+/g, ' ')).filter((k) => k.length >= 2 && k.length <= LISTING_LIMITS.keywordMax);
  return [...new Set(out)].slice(0, LISTING_LIMITS.keywordsMax);
}

/** Quantified claims of the abstract ("提高了23%", "降低40%") as advantages. */
function advantagesOf(abstract: string): { metric: string; value: string; unit?: string }[] {
  const out = [];
  for (const m of abstract.matchAll(/([\u4e00-\u9fa5]{2,8})(提高|降低|减少|增加|提升|缩短)(?:了|约|至)?(\d+(?:\.\d+)?)\s*(%|倍)/g)) {
    out.push({ metric: m[1]!, value: `${m[2]!}${m[3]!}`, unit: m[4]! });
  }
  return out.slice(0, 3);
}

function patentNumber(id: string): string {
  const year = 2015 + Math.floor(seeded(id, 'year') * 8);
  const serial = String(Math.floor(seeded(id, 'serial') * 9_999_999)).padStart(7, '0');
  const digits = `${year}1${serial}`;
  return `ZL${digits}.${patentCheckChar(digits)}`;
}

/** The paper with its LaTeX made plain text; keywords cut inside a formula are dropped. */
function plain(p: Paper): Paper {
  const keywords = p.keywords.map(plainMath).filter((k) => !/[$\\]/.test(k));
  return { ...p, title: plainMath(p.title), abstract: plainMath(p.abstract), keywords };
}

function toInput(raw: Paper) {
  const p = plain(raw);
  const keywords = keywordsOf(p);
  const rule = assignInstitution({ ...p, keywords });
  if (!rule || keywords.length === 0 || p.title.length > 100 || p.abstract.length < 80) {
    return null;
  }
  const map = clcClass(p.clc) ?? rule.fallback;
  const maturity = pick(p.id, 'maturity', MATURITIES);
  const modeCount = 1 + Math.floor(seeded(p.id, 'modes') * 3);
  const modes = MODES.filter((_, i) => seeded(p.id, `mode${i}`) < modeCount / MODES.length).slice(0, modeCount);
  const negotiable = seeded(p.id, 'price') < 0.4;
  const price = Math.round((5 + seeded(p.id, 'amount') ** 2 * 495) * 10) * 1000; // 5万 – 500万
  const granted = seeded(p.id, 'ip') < 0.6;
  const input = {
    title: p.title.replace(/\d+$/, ''),
    summary: p.abstract.slice(0, 3000),
    keywords,
    ...map,
    maturity,
    trl: TRL[maturity],
    ip: { items: granted ? [{ type: 'invention', number: patentNumber(p.id), status: 'granted' }] : [{ type: 'know_how', status: 'none' }] },
    transferModes: modes.length > 0 ? modes : ['license'],
    ...(negotiable ? { negotiable: true } : { price }),
    city: ORG_CITY[rule.org] ?? '220100',
    contact: { name: '成果转化办公室', phone: '0431-85166000', email: 'ttc@demo.kezhuan.cn' },
    applications: keywords.length > 0 ? `可应用于${keywords.slice(0, 3).join('、')}等相关领域的产品开发与工程实践。` : '',
    advantages: advantagesOf(p.abstract),
  };
  const parsed = resultInput.safeParse(input);
  if (!parsed.success) {
    return null;
  }
  const head = `${p.title} ${keywords.join(' ')}`;
  const owner = OWNERS.find(([org, topics]) => org === rule.org && topics.test(head))?.[2] ?? 'office';
  const publishedOn = new Date(FIRST_DAY + Math.floor(seeded(p.id, 'published') * SPAN_DAYS) * 86_400_000).toISOString().slice(0, 10);
  const flagship = FLAGSHIP_TOPICS.some(([, re]) => re.test(head));
  return { source: p.id, org: rule.org, owner, publishedOn, flagship, input };
}

const papers = gunzipSync(readFileSync(SOURCE)).toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Paper);
const candidates = papers.map(toInput).filter((x): x is NonNullable<typeof x> => x !== null);
// Flagship topics first (all of them), then the rest in a fixed pseudo-random order.
const chosen = candidates
  .sort((a, b) => Number(b.flagship) - Number(a.flagship) || seeded(a.source, 'order') - seeded(b.source, 'order'))
  .slice(0, COUNT)
  .map(({ flagship: _f, ...line }) => line);
writeFileSync(OUT, gzipSync(chosen.map((c) => JSON.stringify(c)).join('\n') + '\n'));
const byOrg = new Map<string, number>();
chosen.forEach((c) => byOrg.set(c.org, (byOrg.get(c.org) ?? 0) + 1));
console.log(`wrote ${chosen.length} results (of ${candidates.length} assignable, ${papers.length} papers) to ${OUT}`);
console.log([...byOrg].map(([o, n]) => `${o} ${n}`).join('\n'));
for (const [name, re] of FLAGSHIP_TOPICS) {
  console.log(`${name}: ${chosen.filter((c) => re.test(`${c.input.title} ${c.input.keywords.join(' ')}`)).length}`);
}
