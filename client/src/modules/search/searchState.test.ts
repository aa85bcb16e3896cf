import { describe, expect, it } from 'vitest';
import { filterCount, parseSearchState, searchParamsOf, searchStateToParams, searchStateToQuery } from './searchState';

describe('search state in the URL', () => {
  it('reads words, sort, page and repeated filter values', () => {
    const s = parseSearchState('results', { q: ' 碳纤维 ', sort: 'newest', page: '3', city: ['220100', '220200'], maturity: 'pilot' });
    expect(s).toEqual({ q: '碳纤维', sort: 'newest', page: 3, filters: { city: ['220100', '220200'], maturity: ['pilot'] } });
    expect(filterCount(s)).toBe(3);
  });

  it('drops what the API would refuse: unknown sorts, pages, facets and values', () => {
    const s = parseSearchState('needs', { sort: 'price_asc', page: '-2', maturity: 'pilot', city: ['999999', '220100', '220100'], budgetBand: 'gt500w' });
    expect(s).toEqual({ q: '', sort: 'relevance', page: 1, filters: { city: ['220100'], budgetBand: ['gt500w'] } });
    expect(parseSearchState('results', { page: '2.5', q: 'x'.repeat(300) })).toMatchObject({ page: 1, q: 'x'.repeat(200) });
  });

  it('writes a short query string: defaults and empty filters are left out', () => {
    const query = searchStateToQuery({ q: '秸秆', sort: 'relevance', page: 1, filters: { city: [], industry: ['C13'] } });
    expect(query).toEqual({ q: '秸秆', industry: ['C13'] });
    expect(searchStateToQuery({ q: '', sort: 'newest', page: 4, filters: {} })).toEqual({ sort: 'newest', page: '4' });
  });

  it('gives the API request and the saved-search parameters (no page)', () => {
    const state = parseSearchState('results', { q: '电池', page: '2', transferModes: ['license'] });
    expect(searchStateToParams(state, 10)).toEqual({ q: '电池', transferModes: ['license'], page: 2, pageSize: 10 });
    expect(searchParamsOf(state)).toEqual({ q: '电池', transferModes: ['license'] });
    expect(parseSearchState('results', searchStateToQuery(state) as Record<string, string | string[]>)).toEqual(state);
  });
});

describe('export link', () => {
  it('carries the filters, not the page, plus format and language', async () => {
    const { searchApi } = await import('../../api/matching');
    const state = parseSearchState('needs', { q: '秸秆', page: '3', city: ['220100', '220700'] });
    expect(searchApi.exportUrl('needs', 'csv', searchStateToParams(state, 10), 'en')).toBe(
      `/api/search/needs/export?q=${encodeURIComponent('秸秆')}&city=220100&city=220700&format=csv&lang=en`,
    );
  });
});
