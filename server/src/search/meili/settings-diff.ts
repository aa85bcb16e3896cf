import type { MeiliSettings } from '@kezhuan/search-config';

/** Settings Meilisearch keeps as sets: it may answer them in another order than they were sent. */
const SETS = new Set(['filterableAttributes', 'sortableAttributes', 'stopWords', 'disableOnWords', 'disableOnAttributes']);

function canonicalList(list: unknown[], asSet: boolean): string {
  const items = list.map((v) => JSON.stringify(v));
  return JSON.stringify(asSet ? items.sort() : items);
}

/** `current` has every value of `wanted` (objects: the keys we send; Meilisearch adds its defaults). */
function covers(current: unknown, wanted: unknown, key: string, inSynonyms: boolean): boolean {
  if (Array.isArray(wanted)) {
    return Array.isArray(current) && canonicalList(current, SETS.has(key) || inSynonyms) === canonicalList(wanted, SETS.has(key) || inSynonyms);
  }
  if (wanted && typeof wanted === 'object') {
    if (!current || typeof current !== 'object') {
      return false;
    }
    const have = current as Record<string, unknown>;
    const want = wanted as Record<string, unknown>;
    // Synonyms are a whole map: one left over from an earlier configuration must go too.
    if (key === 'synonyms' && Object.keys(have).length !== Object.keys(want).length) {
      return false;
    }
    return Object.keys(want).every((k) => covers(have[k], want[k], k, key === 'synonyms'));
  }
  return current === wanted;
}

/**
 * True when every setting we send is already in place (compared as Meilisearch keeps them). Sending
 * the same settings again is a no-op for the index but still a task to wait for: at each start, on a
 * busy machine, seconds.
 */
export function settingsInPlace(current: Record<string, unknown>, wanted: MeiliSettings): boolean {
  return Object.entries(wanted).every(([k, v]) => covers(current[k], v, k, false));
}
