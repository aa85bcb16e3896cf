/**
 * Search index settings as typed code, read by both engines (Meilisearch through
 * `toMeiliSettings`, the embedded engine directly).
 */
export { INDEX_NAMES } from './types';
export type {
  FilterKind,
  FilterableAttribute,
  IndexConfig,
  IndexName,
  SearchableAttribute,
  SortSpec,
  TypoToleranceConfig,
} from './types';
export { SEARCH_CONFIG, TIE_BREAK, exactAttributes } from './indexes';
export { INSTRUMENT_SYNONYM_GROUPS, STOP_WORDS, SYNONYM_GROUPS, isAbbreviation } from './vocabulary';
export { MEILI_HIDDEN, MEILI_LOCALES, synonymMap, toMeiliSettings, type MeiliSettings } from './meili';
