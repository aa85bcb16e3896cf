import type { SearchKind } from '@kezhuan/shared';
import { editDistance } from '../../search/text/edit-distance';
import { normalizeText } from '../../search/text/normalize';
import { hanSyllables } from '../../search/text/pinyin';
import type { SearchEngine } from '../../search/types';

const MAX_CHARS = 30;
const PROBES = 3;

/**
 * "您是不是要找：碳纤维" for a query that found nothing: completions (the index's own titles and
 * keywords, the same vocabulary search-as-you-type uses) of the query's leading characters, the
 * closest within a small edit distance, sounding the same preferred, and only one that finds
 * something. Null when nothing close exists.
 */
export async function didYouMean(engine: SearchEngine, kind: SearchKind, q: string, activeAt: number): Promise<string | null> {
  const query = normalizeText(q).trim();
  const chars = [...query];
  if (chars.length < 2 || chars.length > MAX_CHARS) {
    return null;
  }
  const max = Math.max(1, Math.floor(chars.length / 3));
  const sound = hanSyllables(query).join(' ');
  const seen = new Set<string>();
  const ranked: { text: string; rank: number }[] = [];
  for (let cut = chars.length - 1; cut >= Math.max(1, chars.length - PROBES); cut--) {
    for (const s of await engine.suggest(kind, chars.slice(0, cut).join(''), 8)) {
      const norm = normalizeText(s).trim();
      if (seen.has(norm) || norm === query) {
        continue;
      }
      seen.add(norm);
      const d = editDistance(query, norm, max);
      if (d <= max) {
        const homophone = sound !== '' && hanSyllables(norm).join(' ') === sound;
        ranked.push({ text: s, rank: d - (homophone ? 0.5 : 0) });
      }
    }
  }
  ranked.sort((a, b) => a.rank - b.rank || a.text.length - b.text.length);
  for (const c of ranked.slice(0, 3)) {
    const found = await engine.query(kind, { q: c.text, page: 1, pageSize: 1, activeAt });
    if (found.total > 0) {
      return c.text;
    }
  }
  return null;
}
