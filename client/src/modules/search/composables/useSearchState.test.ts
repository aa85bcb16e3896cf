// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { withSetup } from '../../../testing/withSetup';
import { useSearchState } from './useSearchState';

async function setup(url: string) {
  const s = withSetup(() => useSearchState('results'));
  await s.router.push(url);
  return s;
}

describe('useSearchState', () => {
  it('reads the search from the URL', async () => {
    const { result } = await setup('/search/results?q=碳纤维&industry=C28&page=2');
    expect(result.state.value).toEqual({ q: '碳纤维', sort: 'relevance', page: 2, filters: { industry: ['C28'] } });
  });

  it('pushes every change to the URL and goes back to page 1', async () => {
    const { result, router } = await setup('/search/results?q=碳纤维&page=3');
    await result.toggle('city', '220100', true);
    expect(router.currentRoute.value.fullPath).toBe(`/search/results?q=${encodeURIComponent('碳纤维')}&city=220100`);
    await result.toggle('city', '220200', true);
    await result.update({ sort: 'newest' });
    expect(result.state.value.filters.city).toEqual(['220100', '220200']);
    expect(result.state.value.sort).toBe('newest');
    await result.update({ page: 4 });
    expect(result.state.value.page).toBe(4);
    await result.toggle('city', '220100', false);
    expect(result.state.value).toMatchObject({ page: 1, filters: { city: ['220200'] } });
    await result.clearFilters();
    expect(result.state.value.filters).toEqual({});
  });

  it('lets the back button undo a filter', async () => {
    const { result, router } = await setup('/search/results');
    await result.toggle('maturity', 'pilot', true);
    expect(result.state.value.filters.maturity).toEqual(['pilot']);
    router.back();
    await new Promise((r) => setTimeout(r, 20));
    expect(result.state.value.filters).toEqual({});
  });
});
