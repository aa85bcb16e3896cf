import { INDEX_NAMES, isAbbreviation, SEARCH_CONFIG, STOP_WORDS, SYNONYM_GROUPS, toMeiliSettings } from '@kezhuan/search-config';
import { describe, expect, it } from 'vitest';
import { layoutOf } from './embedded/schema';
import { normalizeText } from './text/normalize';

describe('search-config', () => {
  it('has a real synonym vocabulary, lower case, without stop words', () => {
    expect(SYNONYM_GROUPS.length).toBeGreaterThanOrEqual(30);
    for (const group of SYNONYM_GROUPS) {
      expect(group.length).toBeGreaterThanOrEqual(2);
      for (const term of group) {
        expect(term).toBe(normalizeText(term));
        expect(STOP_WORDS).not.toContain(term);
      }
    }
    expect(SYNONYM_GROUPS).toEqual(expect.arrayContaining([expect.arrayContaining(['碳纤维', 'cf'])]));
  });

  it('keeps meaningful words out of the stop words', () => {
    for (const word of ['方法', '技术', '系统', '中', '新', '上', '电', '研究']) {
      expect(STOP_WORDS).not.toContain(word);
    }
  });

  it('expands synonyms both ways for Meilisearch, abbreviations one way only (cf → 碳纤维, never 碳纤维 → cf)', () => {
    const { synonyms } = toMeiliSettings(SEARCH_CONFIG.results);
    expect(synonyms['电动汽车']).toEqual(expect.arrayContaining(['新能源汽车']));
    expect(synonyms['新能源汽车']).toEqual(expect.arrayContaining(['电动汽车']));
    expect(synonyms.cf).toEqual(expect.arrayContaining(['碳纤维']));
    expect(synonyms['碳纤维']).not.toContain('cf');
    for (const [term, others] of Object.entries(synonyms)) {
      expect(others).not.toContain(term);
      for (const other of others) {
        if (!isAbbreviation(term) || isAbbreviation(other)) {
          expect(synonyms[other]).toContain(term);
        }
      }
    }
  });

  it('describes both indexes with the agreed fields', () => {
    expect(INDEX_NAMES).toEqual(['results', 'needs', 'instruments']);
    const results = toMeiliSettings(SEARCH_CONFIG.results);
    expect(results.searchableAttributes).toEqual(['title', 'keywords', 'summary', 'advantages', 'applications', 'orgName', '_sub', '_py']);
    expect(results.sortableAttributes).toEqual(['publishedAt', 'price', 'id']);
    expect(results.rankingRules.at(-1)).toBe('id:desc');
    expect(results.filterableAttributes).toEqual(
      expect.arrayContaining(['discipline', 'industry', 'maturity', 'transferModes', 'city', 'orgType', 'orgId', 'status', 'priceBand', 'price', 'expiresAt']),
    );
    const needs = toMeiliSettings(SEARCH_CONFIG.needs);
    expect(needs.searchableAttributes).toEqual(['title', 'keywords', 'problem', 'desiredOutcome', 'orgName', '_sub', '_py']);
    expect(needs.sortableAttributes).toEqual(['publishedAt', 'budgetMax', 'deadline', 'id']);
    expect(needs.filterableAttributes).toEqual(
      expect.arrayContaining(['cooperationModes', 'budgetBand', 'budgetMin', 'budgetMax', 'city', 'status', 'expiresAt']),
    );
  });

  it('is a pure function of the config (applying it twice changes nothing)', () => {
    expect(toMeiliSettings(SEARCH_CONFIG.needs)).toEqual(toMeiliSettings(SEARCH_CONFIG.needs));
    for (const name of INDEX_NAMES) {
      const config = SEARCH_CONFIG[name];
      expect(config.searchable.every((a) => a.weight > 0)).toBe(true);
      expect(() => layoutOf(config)).not.toThrow();
    }
  });
});
