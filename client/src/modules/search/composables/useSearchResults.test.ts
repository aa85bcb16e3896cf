import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextTick, ref } from 'vue';
import { fakeFetch, flush } from '../../../testing/fakeFetch';
import { buildHit } from '../../../testing/fixtures';
import { parseSearchState } from '../searchState';
import { useSearchResults } from './useSearchResults';

afterEach(() => {
  vi.unstubAllGlobals();
});

const answer = (title: string) => ({ hits: [buildHit({ title })], total: 1, page: 1, pageSize: 10, facets: {}, engine: 'embedded', tookMs: 3 });

describe('useSearchResults', () => {
  it('searches at once and again whenever the state changes', async () => {
    const sent = fakeFetch((req) => [200, answer(req.url)]);
    const state = ref(parseSearchState('results', { q: '碳纤维', city: ['220100', '220200'] }));
    const search = useSearchResults('results', state, 10);
    await flush();
    expect(sent[0]?.url).toBe(`/search/results?q=${encodeURIComponent('碳纤维')}&city=220100&city=220200&page=1&pageSize=10`);
    expect(search.response.value?.total).toBe(1);

    state.value = parseSearchState('results', { q: '碳纤维', page: '2' });
    await nextTick();
    await flush();
    expect(sent).toHaveLength(2);
    expect(sent[1]?.url).toContain('page=2');
  });

  it('aborts the search in flight when a newer one starts, so the slow answer is dropped', async () => {
    const releases: (() => void)[] = [];
    const sent = fakeFetch((req) => new Promise((resolve) => releases.push(() => resolve([200, answer(req.url)]))));
    const state = ref(parseSearchState('needs', { q: 'a' }));
    const search = useSearchResults('needs', state);
    await flush();
    state.value = parseSearchState('needs', { q: 'b' });
    await nextTick();
    await flush();
    releases.forEach((r) => r());
    await flush();
    expect(sent[0]?.signal?.aborted).toBe(true);
    expect(search.response.value?.hits[0]?.title).toContain('q=b');
    expect(search.loading.value).toBe(false);
  });

  it('keeps the error of a failed search', async () => {
    fakeFetch(() => [503, { error: { code: 'SERVICE_UNAVAILABLE', message: '服务暂不可用', messageEn: 'Unavailable' } }]);
    const search = useSearchResults('results', parseSearchState('results', {}));
    await flush();
    expect(search.error.value).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(search.response.value).toBeNull();
  });
});
