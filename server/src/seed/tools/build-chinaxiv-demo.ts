/**
 * Builds the demo research results from ChinaXiv preprints (CC BY 4.0, "ChinaXiv, via
 * github.com/DreamBlooms/ChinaXiv-201601-to-202209"): picks papers in engineering, agriculture,
 * life, earth and environmental sciences, and writes them as research-result inputs to
 * server/src/seed/data/chinaxiv-results.jsonl.gz, which is committed (the platform must not need
 * ../shared at run time). Every derived field is deterministic from the paper id.
 *
 *   npx tsx server/src/seed/tools/build-chinaxiv-demo.ts [count]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { patentCheckChar, resultInput } from '@kezhuan/shared';
import { clcClass, seeded } from '../chinaxiv-clc';
import { plainMath } from './plain-math';

const here = dirname(fileURLToPath(import.meta.url));
const SOURCE = resolve(here, '../../../../../shared/data/chinaxiv/corpus.jsonl.gz');
const OUT = resolve(here, '../data/chinaxiv-results.jsonl.gz');
const COUNT = Number(process.argv[2] ?? 1500);

interface Paper { id: string; title: string; abstract: string; keywords: string[]; clc?: string; institutions?: string[] }

/** The CLC classes the demo takes papers from: engineering, agriculture, life, earth and environmental sciences. */
const DEMO_CLASSES = ['TP', 'TN', 'TM', 'TK', 'TL', 'TH', 'TG', 'TF', 'TE', 'TD', 'TB', 'TQ', 'TS', 'TU', 'TV', 'S', 'Q', 'P', 'X', 'V', 'U', 'R', 'O1', 'O3', 'O4', 'O6', 'O7'];

const MATURITIES: [string, number][] = [['lab', 0.4], ['pilot_small', 0.25], ['pilot', 0.2], ['industrial', 0.15]];
const TRL = { lab: 3, pilot_small: 5, pilot: 6, industrial: 8 } as Record<string, number>;
const MODES = ['transfer', 'license', 'equity', 'co_development', 'service'];
const CITIES = ['220100', '220100', '220100', '220200', '222400', '220300', '220500'];

function pick<T>(id: string, purpose: string, weighted: [T, number][]): T {
  let r = seeded(id, purpose);
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
  const map = DEMO_CLASSES.some((prefix) => p.clc?.startsWith(prefix)) ? clcClass(p.clc) : undefined;
  if (!map || p.title.length > 100 || p.abstract.length < 80) {
    return null;
  }
  const maturity = pick(p.id, 'maturity', MATURITIES);
  const modeCount = 1 + Math.floor(seeded(p.id, 'modes') * 3);
  const modes = MODES.filter((_, i) => seeded(p.id, `mode${i}`) < modeCount / MODES.length).slice(0, modeCount);
  const negotiable = seeded(p.id, 'price') < 0.4;
  const price = Math.round((5 + seeded(p.id, 'amount') ** 2 * 495) * 10) * 1000; // 5万 – 500万
  const granted = seeded(p.id, 'ip') < 0.6;
  const keywords = keywordsOf(p);
  const input = {
    title: p.title.replace(/\d+$/, ''),
    summary: p.abstract.slice(0, 3000),
    keywords: keywords.length > 0 ? keywords : [p.title.slice(0, 10)],
    ...map,
    maturity,
    trl: TRL[maturity],
    ip: { items: granted ? [{ type: 'invention', number: patentNumber(p.id), status: 'granted' }] : [{ type: 'know_how', status: 'none' }] },
    transferModes: modes.length > 0 ? modes : ['license'],
    ...(negotiable ? { negotiable: true } : { price }),
    city: CITIES[Math.floor(seeded(p.id, 'city') * CITIES.length)],
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
  .sort((a, b) => seeded(a.source, 'order') - seeded(b.source, 'order'))
  .slice(0, COUNT);
writeFileSync(OUT, gzipSync(chosen.map((c) => JSON.stringify(c)).join('\n') + '\n'));
console.log(`wrote ${chosen.length} results (of ${papers.length} papers) to ${OUT}`);
