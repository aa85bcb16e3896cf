/**
 * Builds the demo research results from ChinaXiv preprints (CC BY 4.0, "ChinaXiv, via
 * github.com/DreamBlooms/ChinaXiv-201601-to-202209"): picks papers in engineering, agriculture,
 * life, earth and environmental sciences, and writes them as research-result inputs to
 * server/src/seed/data/chinaxiv-results.jsonl.gz, which is committed (the platform must not need
 * ../shared at run time). Every derived field is deterministic from the paper id.
 *
 *   npx tsx server/src/seed/tools/build-chinaxiv-demo.ts [count]
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { patentCheckChar, resultInput } from '@kezhuan/shared';
import { plainMath } from './plain-math';

const here = dirname(fileURLToPath(import.meta.url));
const SOURCE = resolve(here, '../../../../../shared/data/chinaxiv/corpus.jsonl.gz');
const OUT = resolve(here, '../data/chinaxiv-results.jsonl.gz');
const COUNT = Number(process.argv[2] ?? 1500);

interface Paper { id: string; title: string; abstract: string; keywords: string[]; clc?: string; institutions?: string[] }

/** CLC class prefix → GB/T 13745 discipline and GB/T 4754 industry (longest prefix wins). */
const CLC_MAP: [string, string, string][] = [
  ['TP', '520', 'I'], ['TN', '510', 'C39'], ['TM', '470', 'C38'], ['TK', '480', 'D'], ['TL', '490', 'D'],
  ['TH', '460', 'C34'], ['TG', '450', 'C33'], ['TF', '450', 'C31'], ['TE', '440', 'B'], ['TD', '440', 'B'],
  ['TB', '430', 'M'], ['TQ', '530', 'C26'], ['TS', '550', 'C14'], ['TU', '560', 'E'], ['TV', '570', 'N'],
  ['S7', '220', 'A'], ['S8', '230', 'A'], ['S9', '240', 'A'], ['S', '210', 'A'],
  ['Q', '180', 'M'], ['P1', '160', 'M'], ['P', '170', 'M'], ['X', '610', 'N'], ['V', '590', 'C37'], ['U', '580', 'G'],
  ['R2', '360', 'C27'], ['R9', '350', 'C27'], ['R', '320', 'Q'],
  ['O1', '110', 'M'], ['O3', '130', 'M'], ['O4', '140', 'M'], ['O6', '150', 'C26'], ['O7', '150', 'M'],
];

const MATURITIES: [string, number][] = [['lab', 0.4], ['pilot_small', 0.25], ['pilot', 0.2], ['industrial', 0.15]];
const TRL = { lab: 3, pilot_small: 5, pilot: 6, industrial: 8 } as Record<string, number>;
const MODES = ['transfer', 'license', 'equity', 'co_development', 'service'];
const CITIES = ['220100', '220100', '220100', '220200', '222400', '220300', '220500'];

/** A deterministic number in [0, 1) for a paper and a purpose. */
function rand(id: string, purpose: string): number {
  return createHash('sha256').update(`${id}:${purpose}`).digest().readUInt32BE(0) / 2 ** 32;
}

function pick<T>(id: string, purpose: string, weighted: [T, number][]): T {
  let r = rand(id, purpose);
  for (const [v, w] of weighted) {
    if ((r -= w) < 0) {
      return v;
    }
  }
  return weighted[weighted.length - 1]![0];
}

/** Splits keyword strings that the source glued together with separators. */
function keywordsOf(p: Paper): string[] {
  const out = p.keywords.flatMap((k) => k.split(/[;；,，、\s]+/)).map((k) => k.trim()).filter((k) => k.length >= 2 && k.length <= 30);
  return [...new Set(out)].slice(0, 8);
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
  const year = 2015 + Math.floor(rand(id, 'year') * 8);
  const serial = String(Math.floor(rand(id, 'serial') * 9_999_999)).padStart(7, '0');
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
  const map = CLC_MAP.find(([prefix]) => p.clc?.startsWith(prefix));
  if (!map || p.title.length > 100 || p.abstract.length < 80) {
    return null;
  }
  const maturity = pick(p.id, 'maturity', MATURITIES);
  const modeCount = 1 + Math.floor(rand(p.id, 'modes') * 3);
  const modes = MODES.filter((_, i) => rand(p.id, `mode${i}`) < modeCount / MODES.length).slice(0, modeCount);
  const negotiable = rand(p.id, 'price') < 0.4;
  const price = Math.round((5 + rand(p.id, 'amount') ** 2 * 495) * 10) * 1000; // 5万 – 500万
  const granted = rand(p.id, 'ip') < 0.6;
  const keywords = keywordsOf(p);
  const input = {
    title: p.title.replace(/\d+$/, ''),
    summary: p.abstract.slice(0, 3000),
    keywords: keywords.length > 0 ? keywords : [p.title.slice(0, 10)],
    discipline: map[1],
    industry: map[2],
    maturity,
    trl: TRL[maturity],
    ip: { items: granted ? [{ type: 'invention', number: patentNumber(p.id), status: 'granted' }] : [{ type: 'know_how', status: 'none' }] },
    transferModes: modes.length > 0 ? modes : ['license'],
    ...(negotiable ? { negotiable: true } : { price }),
    city: CITIES[Math.floor(rand(p.id, 'city') * CITIES.length)],
    contact: { name: '成果转化办公室', phone: '0431-85166000', email: 'ttc@demo.kezhuan.cn' },
    applications: keywords.length > 0 ? `可应用于${keywords.slice(0, 3).join('、')}等相关领域的产品开发与工程实践。` : '',
    advantages: advantagesOf(p.abstract),
  };
  const parsed = resultInput.safeParse(input);
  return parsed.success ? { source: p.id, input } : null;
}

const papers = gunzipSync(readFileSync(SOURCE)).toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Paper);
const chosen = papers
  .map(toInput)
  .filter((x): x is NonNullable<typeof x> => x !== null)
  .sort((a, b) => rand(a.source, 'order') - rand(b.source, 'order'))
  .slice(0, COUNT);
writeFileSync(OUT, gzipSync(chosen.map((c) => JSON.stringify(c)).join('\n') + '\n'));
console.log(`wrote ${chosen.length} results (of ${papers.length} papers) to ${OUT}`);
