import type { SavedSearchView } from '@kezhuan/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch } from '../../../testing/fakeFetch';
import { describeSavedSearch } from '../describe';
import { useSavedSearches } from './useSavedSearches';

afterEach(() => {
  vi.unstubAllGlobals();
});

const SID = 'dddddddddddddddddddddddd';
const saved = (overrides: Partial<SavedSearchView> = {}): SavedSearchView => ({
  id: SID,
  kind: 'results',
  name: '化纤行业成果',
  params: { q: '碳纤维', industry: ['C28'], city: '220100' },
  subscribed: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

describe('useSavedSearches', () => {
  it('loads the list (a page or a plain array)', async () => {
    fakeFetch(() => [200, { items: [saved()] }]);
    const s = useSavedSearches();
    await s.load();
    expect(s.items.value).toHaveLength(1);
    vi.unstubAllGlobals();
    fakeFetch(() => [200, [saved(), saved({ id: 'eeeeeeeeeeeeeeeeeeeeeeee' })]]);
    await s.load();
    expect(s.items.value).toHaveLength(2);
  });

  it('renames, switches the subscription and deletes', async () => {
    const sent = fakeFetch((req) => {
      if (req.method === 'GET') {
        return [200, { items: [saved()] }];
      }
      if (req.method === 'DELETE') {
        return [204];
      }
      return [200, saved(req.body as Partial<SavedSearchView>)];
    });
    const s = useSavedSearches();
    await s.load();
    await s.rename(SID, '新名字');
    expect(s.items.value[0]?.name).toBe('新名字');
    await s.setSubscribed(SID, false);
    expect(s.items.value[0]?.subscribed).toBe(false);
    await s.remove(SID);
    expect(s.items.value).toEqual([]);
    expect(sent.map((r) => `${r.method} ${r.url} ${JSON.stringify(r.body ?? null)}`)).toEqual([
      'GET /saved-searches null',
      `PATCH /saved-searches/${SID} {"name":"新名字"}`,
      `PATCH /saved-searches/${SID} {"subscribed":false}`,
      `DELETE /saved-searches/${SID} null`,
    ]);
  });

  it('opens on the search page with the saved parameters, and reads them as chips', () => {
    const s = useSavedSearches();
    expect(s.locationOf(saved())).toEqual({ path: '/search/results', query: { q: '碳纤维', industry: ['C28'], city: '220100' } });
    expect(describeSavedSearch(saved())).toEqual({ q: '碳纤维', sort: 'relevance', terms: ['化学纤维制造业', '长春市'] });
  });

  it('shows and opens an unfiltered saved search (empty params) as "everything"', () => {
    const s = useSavedSearches();
    const all = saved({ params: {} });
    expect(s.locationOf(all)).toEqual({ path: '/search/results', query: {} });
    expect(describeSavedSearch(all)).toEqual({ q: '', sort: 'relevance', terms: [] });
  });
});
