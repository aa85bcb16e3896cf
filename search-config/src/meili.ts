import { exactAttributes, TIE_BREAK } from './indexes';
import { isAbbreviation } from './vocabulary';
import type { IndexConfig } from './types';

/**
 * The Meilisearch index settings this package produces (a subset of the server's `PATCH
 * /indexes/{uid}/settings` body). Declared here so search-config does not depend on the client.
 */
export interface MeiliSettings {
  searchableAttributes: string[];
  filterableAttributes: string[];
  sortableAttributes: string[];
  displayedAttributes: string[];
  rankingRules: string[];
  stopWords: string[];
  synonyms: Record<string, string[]>;
  typoTolerance: {
    enabled: boolean;
    minWordSizeForTypos: { oneTypo: number; twoTypos: number };
    disableOnWords: string[];
    disableOnAttributes: string[];
    disableOnNumbers: boolean;
  };
  faceting: { maxValuesPerFacet: number };
  pagination: { maxTotalHits: number };
  /** Segment every attribute (and queries sent with the same locale) as Chinese. */
  localizedAttributes: { attributePatterns: string[]; locales: string[] }[];
  proximityPrecision: 'byWord';
}

/**
 * Hidden searchable fields the server adds to every Meilisearch document (never returned to
 * clients), closing two gaps with the embedded engine: `_sub` holds the shorter words inside the
 * homophone attributes' words (纤维 inside 碳纤维: Meilisearch indexes whole jieba words only) and
 * `_py` their toneless pinyin syllables, searched as a phrase for homophone typos (碳纤唯 → 碳纤维)
 * when the query itself finds too little. Both rank after every real attribute. `_exact` (filterable,
 * not searchable) holds the whole normalised values of the exactness attributes (a title, each
 * keyword): the engine ranks the listings whose value *is* the query first, as the embedded engine
 * does (Meilisearch's own `exactness` rule does not single out one keyword of a list).
 */
export const MEILI_HIDDEN = { subWords: '_sub', pinyin: '_py', exact: '_exact' } as const;

/** Locale for Meilisearch's tokenizer: Mandarin, so short Han-only text is never taken for Japanese. */
export const MEILI_LOCALES = ['cmn'] as const;

/**
 * Expands synonym groups into Meilisearch's map form: every term of a group lists all the others,
 * so the relation is bidirectional, except towards abbreviations (one way: cf → 碳纤维). A term in several groups gets the union, without itself.
 */
export function synonymMap(groups: readonly (readonly string[])[]): Record<string, string[]> {
  const map = new Map<string, Set<string>>();
  for (const group of groups) {
    for (const term of group) {
      const others = map.get(term) ?? new Set<string>();
      for (const other of group) {
        // An abbreviation is searched for only when typed (CF is also compound fertiliser).
        if (other !== term && (!isAbbreviation(other) || isAbbreviation(term))) {
          others.add(other);
        }
      }
      map.set(term, others);
    }
  }
  return Object.fromEntries([...map].map(([term, others]) => [term, [...others].sort()]));
}

/**
 * The Meilisearch settings for one index: a pure function of its config, so applying it twice is a
 * no-op and tests can compare it with what the server reports.
 */
export function toMeiliSettings(config: IndexConfig): MeiliSettings {
  const typo = config.typoTolerance;
  return {
    searchableAttributes: [...config.searchable.map((a) => a.name), MEILI_HIDDEN.subWords, MEILI_HIDDEN.pinyin],
    filterableAttributes: [...config.filterable.map((a) => a.name), ...(exactAttributes(config).length > 0 ? [MEILI_HIDDEN.exact] : [])],
    sortableAttributes: [...config.sortable, TIE_BREAK.field],
    displayedAttributes: [...config.displayed],
    rankingRules: [...config.rankingRules, `${TIE_BREAK.field}:${TIE_BREAK.order}`],
    stopWords: [...config.stopWords],
    synonyms: synonymMap(config.synonyms),
    typoTolerance: {
      enabled: typo.enabled,
      minWordSizeForTypos: { ...typo.minWordSizeForTypos },
      disableOnWords: [...typo.disableOnWords],
      disableOnAttributes: [...typo.disableOnAttributes],
      disableOnNumbers: typo.disableOnNumbers,
    },
    faceting: { maxValuesPerFacet: config.maxValuesPerFacet },
    pagination: { maxTotalHits: config.maxTotalHits },
    localizedAttributes: [{ attributePatterns: ['*'], locales: [...MEILI_LOCALES] }],
    proximityPrecision: 'byWord',
  };
}
