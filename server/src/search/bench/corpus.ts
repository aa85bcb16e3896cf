import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { SEARCH_CONFIG, type IndexConfig, type IndexName } from '@kezhuan/search-config';
import type { SearchDocument } from '../types';

/** The ChinaXiv sample beside the checkout (../shared/data/chinaxiv): 9,702 Chinese papers with judged queries. */
export const CHINAXIV_DIR = resolve(import.meta.dirname, '../../../../../shared/data/chinaxiv');

export function readJsonl<T>(file: string): T[] {
  return gunzipSync(readFileSync(resolve(CHINAXIV_DIR, file)))
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as T);
}

export interface Paper {
  id: string;
  title: string;
  abstract: string;
  keywords: string[];
  /** CLC class code (e.g. TP391), null for about half the papers. */
  clc: string | null;
  /** CLC top-level class name (e.g. 自动化技术、计算机技术), null with clc. */
  discipline: string | null;
  institutions: string[];
}

export const QUERY_TYPES = ['keyword->paper', 'keywords->paper(known-item)', 'institution->paper(metadata filter)', 'clc_class->paper(label)'] as const;
export type QueryType = (typeof QUERY_TYPES)[number];

/** A judged query of qrels.jsonl.gz, relevant ids as in the corpus. */
export interface Qrel {
  qid: string;
  query: string;
  type: QueryType;
  relevant: string[];
}

export const chinaxivPapers = (): Paper[] => readJsonl<Paper>('corpus.jsonl.gz');
export const chinaxivQrels = (): Qrel[] => readJsonl<Qrel>('qrels.jsonl.gz');

/** Short names for the command line. */
export const QUERY_SHORT: Record<QueryType, string> = {
  'keyword->paper': 'keyword', 'keywords->paper(known-item)': 'known', 'institution->paper(metadata filter)': 'institution', 'clc_class->paper(label)': 'clc',
};

/**
 * The judged queries of the types named (short names, comma-separated); with `sample` > 0, about
 * that many per type: every k-th, so deterministic and spread over the file.
 */
export function selectQrels(types: string, sample: number): { types: QueryType[]; qrels: Qrel[] } {
  const chosen = QUERY_TYPES.filter((t) => types.split(',').includes(QUERY_SHORT[t]));
  const all = chinaxivQrels();
  const qrels = chosen.flatMap((t) => {
    const ofType = all.filter((q) => q.type === t);
    return sample > 0 && sample < ofType.length ? ofType.filter((_, i) => i % Math.ceil(ofType.length / sample) === 0) : ofType;
  });
  return { types: chosen, qrels };
}

const CITIES = ['220100', '220200', '220300', '220400', '220500', '220600', '220700', '220800', '222400'];
const MODES = ['transfer', 'license', 'equity', 'co_development', 'service'];

/** The papers as 科技成果 documents (abstract → summary), `copies` times with distinct ids. */
export function chinaxivResults(copies = 1): SearchDocument[] {
  const papers = chinaxivPapers();
  const out: SearchDocument[] = [];
  for (let c = 0; c < copies; c++) {
    papers.forEach((p, i) => {
      out.push({
        id: c === 0 ? p.id.replace(/[^A-Za-z0-9_-]/g, '_') : `${p.id.replace(/[^A-Za-z0-9_-]/g, '_')}_${c}`,
        _v: 1,
        title: p.title,
        summary: p.abstract,
        keywords: p.keywords,
        orgName: p.institutions[0] ?? '',
        discipline: p.discipline,
        city: CITIES[i % CITIES.length],
        transferModes: [MODES[i % MODES.length], MODES[(i * 7) % MODES.length]],
        price: i % 5 === 0 ? null : (i % 97) * 10_000,
        status: 'published',
        publishedAt: 1_700_000_000_000 + i * 60_000,
      });
    });
  }
  return out;
}

export interface Judged {
  query: string;
  relevant: string[];
}

/** Keyword → papers queries with their relevant ids (ids as in `chinaxivResults`). */
export function keywordQueries(): Judged[] {
  return readJsonl<{ query: string; type: string; relevant: string[] }>('qrels.jsonl.gz')
    .filter((r) => r.type === 'keyword->paper')
    .map((r) => ({ query: r.query, relevant: r.relevant.map((id) => id.replace(/[^A-Za-z0-9_-]/g, '_')) }));
}

/** The platform's search settings, or (robustness check) the same with keywords stored but not searchable. */
export function benchConfig(withoutKeywords: boolean): Readonly<Record<IndexName, IndexConfig>> {
  return withoutKeywords ? configWithout('keywords') : SEARCH_CONFIG;
}

/** The platform's settings with one attribute of the results index stored but not searchable. */
export function configWithout(attribute: string): Readonly<Record<IndexName, IndexConfig>> {
  const results = SEARCH_CONFIG.results;
  const homophones = results.typoTolerance.homophones;
  return {
    ...SEARCH_CONFIG,
    results: {
      ...results,
      searchable: results.searchable.filter((a) => a.name !== attribute),
      // Nor through the hidden sub-word and pinyin fields built from it.
      typoTolerance: { ...results.typoTolerance, homophones: { ...homophones, attributes: homophones.attributes.filter((a) => a !== attribute) } },
      suggest: results.suggest.filter((a) => a !== attribute),
    },
  };
}
