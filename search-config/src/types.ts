/** The indexes the platform keeps; the server's search contract uses the same names. */
export const INDEX_NAMES = ['results', 'needs', 'instruments'] as const;

/** 科技成果 (`results`), 技术需求 (`needs`) or 大型科学仪器 (`instruments`). */
export type IndexName = (typeof INDEX_NAMES)[number];

/** A full-text attribute, listed in ranking order; `weight` is its bm25 column weight in the embedded engine. */
export interface SearchableAttribute {
  readonly name: string;
  readonly weight: number;
  /** Long text: highlights show a snippet around the first match instead of the whole field. */
  readonly snippet?: boolean;
}

/**
 * How a filterable attribute is stored and matched: `keyword` one string (codes, enums, ids),
 * `keywords` an array of strings (any-of), `number` a number (equality or inclusive range).
 */
export type FilterKind = 'keyword' | 'keywords' | 'number';

export interface FilterableAttribute {
  readonly name: string;
  readonly kind: FilterKind;
}

export interface SortSpec {
  readonly field: string;
  readonly order: 'asc' | 'desc';
}

export interface TypoToleranceConfig {
  readonly enabled: boolean;
  /** Latin words this long (in letters) tolerate one typo / two typos. */
  readonly minWordSizeForTypos: { readonly oneTypo: number; readonly twoTypos: number };
  /** Words never corrected (brand names, codes). */
  readonly disableOnWords: readonly string[];
  readonly disableOnAttributes: readonly string[];
  /** Never treat a number as a typo of another number. */
  readonly disableOnNumbers: boolean;
  /**
   * Chinese homophone typos (碳纤唯 → 碳纤维): the embedded engine keeps the pinyin of these attributes
   * and searches it only when the exact query finds fewer than `minHits` documents.
   */
  readonly homophones: { readonly attributes: readonly string[]; readonly minHits: number };
}

/** Everything both engines need to know about one index. */
export interface IndexConfig {
  readonly name: IndexName;
  readonly primaryKey: 'id';
  /** Ranking order: the first attribute counts most. */
  readonly searchable: readonly SearchableAttribute[];
  readonly filterable: readonly FilterableAttribute[];
  /** Numeric attributes a query may sort on. */
  readonly sortable: readonly string[];
  /** Order of an empty query without an explicit sort (newest first). */
  readonly defaultSort: SortSpec;
  /** `['*']`: every stored field, extra fields included. */
  readonly displayed: readonly string[];
  /** Attributes whose values feed search-as-you-type suggestions. */
  readonly suggest: readonly string[];
  /** Meilisearch ranking rules. */
  readonly rankingRules: readonly string[];
  /** Groups of equivalent terms; every term of a group finds the others (bidirectional). */
  readonly synonyms: readonly (readonly string[])[];
  readonly stopWords: readonly string[];
  readonly typoTolerance: TypoToleranceConfig;
  readonly maxValuesPerFacet: number;
  /** Highest total a query reports (Meilisearch counts exhaustively up to this). */
  readonly maxTotalHits: number;
}
