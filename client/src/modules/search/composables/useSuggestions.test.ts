import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, flush } from '../../../testing/fakeFetch';
import { useSuggestions } from './useSuggestions';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('useSuggestions', () => {
  it('asks for the trimmed prefix of the current kind and answers el-autocomplete items', async () => {
    const sent = fakeFetch(() => [200, { suggestions: ['碳纤维', '碳纤维复合材料'] }]);
    const kind = { value: 'needs' as const };
    const { fetchSuggestions } = useSuggestions(() => kind.value);
    const cb = vi.fn();
    fetchSuggestions('  碳纤 ', cb);
    await flush();
    expect(sent[0]?.url).toBe(`/search/suggest?kind=needs&q=${encodeURIComponent('碳纤')}`);
    expect(cb).toHaveBeenCalledWith([{ value: '碳纤维' }, { value: '碳纤维复合材料' }]);
  });

  it('answers an empty box with nothing, without asking', async () => {
    const sent = fakeFetch(() => [200, { suggestions: ['x'] }]);
    const cb = vi.fn();
    useSuggestions('results').fetchSuggestions('   ', cb);
    await flush();
    expect(sent).toHaveLength(0);
    expect(cb).toHaveBeenCalledWith([]);
  });

  it('only the newest request answers; an older one is aborted', async () => {
    const releases: (() => void)[] = [];
    fakeFetch(
      (req) =>
        new Promise((resolve) => {
          releases.push(() => resolve([200, { suggestions: [new URL(`http://x${req.url}`).searchParams.get('q') ?? ''] }]));
        }),
    );
    const { fetchSuggestions } = useSuggestions('results');
    const cb = vi.fn();
    fetchSuggestions('碳', cb);
    fetchSuggestions('碳纤', cb);
    await flush();
    releases.forEach((r) => r());
    await flush();
    expect(cb).toHaveBeenCalledTimes(1);
    expect(cb).toHaveBeenCalledWith([{ value: '碳纤' }]);
  });

  it('shows no suggestions when the request fails', async () => {
    fakeFetch(() => [500, { error: { code: 'INTERNAL', message: 'x', messageEn: 'x' } }]);
    const cb = vi.fn();
    useSuggestions('results').fetchSuggestions('碳', cb);
    await flush();
    expect(cb).toHaveBeenCalledWith([]);
  });
});
