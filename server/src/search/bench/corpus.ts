import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { SearchDocument } from '../types';

/** The ChinaXiv sample beside the checkout (../shared/data/chinaxiv): 9,702 Chinese papers with judged queries. */
export const CHINAXIV_DIR = resolve(import.meta.dirname, '../../../../../shared/data/chinaxiv');

function readJsonl<T>(file: string): T[] {
  return gunzipSync(readFileSync(resolve(CHINAXIV_DIR, file)))
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as T);
}

interface Paper {
  id: string;
  title: string;
  abstract: string;
  keywords: string[];
  discipline: string;
  institutions: string[];
}

const CITIES = ['220100', '220200', '220300', '220400', '220500', '220600', '220700', '220800', '222400'];
const MODES = ['transfer', 'license', 'equity', 'co_development', 'service'];

/** The papers as 科技成果 documents (abstract → summary), `copies` times with distinct ids. */
export function chinaxivResults(copies = 1): SearchDocument[] {
  const papers = readJsonl<Paper>('corpus.jsonl.gz');
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
