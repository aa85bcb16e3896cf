/**
 * A seeded 双千 instance for `npm run bench:pairing` made of real text, scored by the real score function
 * (score.ts): commissioners from the ChinaXiv papers adapted to Jilin in the demo seed (their keywords,
 * title and institution as expertise; the paper's discipline and industry; the institution's city and
 * nearby cities and counties served), requests from the Jilin demo needs (problem, desired outcome, a
 * subset of the keywords as expertise wanted) placed in all 60 counties, with preferences, exclusions
 * and declared stakes. Reproducible from the seed.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { CITIES, COUNTIES, countyByCode, regionDistanceKm } from '@kezhuan/shared';
import { mulberry32 } from '../../lib/prng';
import { DEMO_NEEDS } from '../../seed/data/jilin-needs';
import type { ScoreCommissioner, ScoreRequest } from './score';

const here = dirname(fileURLToPath(import.meta.url));

interface PaperRow {
  org: string;
  input: { title: string; keywords: string[]; discipline?: string; industry?: string; city?: string };
}

export interface RealInstance {
  commissioners: (ScoreCommissioner & { id: string; org: string })[];
  requests: (ScoreRequest & { org: string })[];
}

function papers(): PaperRow[] {
  return gunzipSync(readFileSync(join(here, '../../seed/data/chinaxiv-results.jsonl.gz')))
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as PaperRow);
}

/** `commissioners` × `requests` from `seed`; `enterprises` organisations file the requests. */
export function realInstance(seed: number, commissioners: number, requests: number, enterprises = 400): RealInstance {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const rows = papers();
  const cs: RealInstance['commissioners'] = [];
  for (let j = 0; j < commissioners; j++) {
    const p = rows[Math.floor(rnd() * rows.length)]!;
    const home = p.input.city ?? '220100';
    // His own city whole, and one to three nearby cities or single counties.
    const near = CITIES.map((c) => c.code).filter((c) => c !== home).sort((a, b) => regionDistanceKm(home, a) - regionDistanceKm(home, b));
    const cities = [home];
    const counties: string[] = [];
    for (let k = 0, extra = 1 + Math.floor(rnd() * 3); k < extra; k++) {
      const city = near[k]!;
      if (rnd() < 0.5) {
        cities.push(city);
      } else {
        counties.push(pick(COUNTIES.filter((c) => c.city === city)).code);
      }
    }
    cs.push({
      id: `c${j}`,
      org: p.org,
      stakes: rnd() < 0.05 ? [`e${Math.floor(rnd() * enterprises)}`] : [],
      orgStakes: [],
      expertise: `${p.org}，研究方向：${p.input.keywords.join('、')}。代表成果：${p.input.title}`,
      keywords: p.input.keywords.slice(0, 5),
      disciplines: p.input.discipline ? [p.input.discipline] : [],
      industries: p.input.industry ? [p.input.industry] : [],
      cities,
      counties,
      capacity: 1 + Math.floor(rnd() * 3),
      load: 0,
    });
  }
  const rs: RealInstance['requests'] = [];
  for (let i = 0; i < requests; i++) {
    const n = pick(DEMO_NEEDS);
    // Half in the need's own city, half anywhere in Jilin.
    const county = rnd() < 0.5 ? pick(COUNTIES.filter((c) => c.city === n.city)) : pick(COUNTIES);
    const keywords = n.keywords.filter(() => rnd() < 0.7);
    rs.push({
      org: `e${Math.floor(rnd() * enterprises)}`,
      title: n.title,
      problem: `${n.problem}${n.desiredOutcome}`,
      keywords: keywords.length ? keywords : n.keywords.slice(0, 1),
      industry: n.industry,
      discipline: rnd() < 0.5 ? n.discipline : null,
      city: countyByCode(county.code)!.city,
      county: rnd() < 0.8 ? county.code : null,
      preferred: rnd() < 0.05 ? [`c${Math.floor(rnd() * commissioners)}`] : [],
      excluded: rnd() < 0.1 ? [`c${Math.floor(rnd() * commissioners)}`] : [],
    });
  }
  return { commissioners: cs, requests: rs };
}
