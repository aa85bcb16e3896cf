import { describe, expect, it, vi } from 'vitest';
import { reactive } from 'vue';
import type { Page } from '../api/endpoints';
import { usePagedList, type PageQuery } from './usePagedList';

interface Filters {
  q?: string;
}

function pageOf(items: string[], total = items.length): Page<string> {
  return { items, total, page: 1, pageSize: 20 };
}

describe('usePagedList', () => {
  it('loads with the current filters and page, and search() goes back to page 1', async () => {
    const fetchPage = vi.fn((q: Filters & PageQuery) => Promise.resolve(pageOf([`${q.q ?? ''}@${q.page}`], 45)));
    const filters = reactive<Filters>({ q: 'jlu' });
    const list = usePagedList(fetchPage, filters, 20);

    await list.setPage(3);
    expect(fetchPage).toHaveBeenLastCalledWith({ q: 'jlu', page: 3, pageSize: 20 });
    expect(list.items.value).toEqual(['jlu@3']);
    expect(list.total.value).toBe(45);

    filters.q = 'cas';
    await list.search();
    expect(list.page.value).toBe(1);
    expect(list.items.value).toEqual(['cas@1']);
  });

  it('drops an answer that arrives after a newer request', async () => {
    let resolveSlow: (p: Page<string>) => void = () => undefined;
    const fetchPage = vi
      .fn<(q: Filters & PageQuery) => Promise<Page<string>>>()
      .mockImplementationOnce(() => new Promise((r) => (resolveSlow = r)))
      .mockImplementationOnce(() => Promise.resolve(pageOf(['fresh'])));
    const list = usePagedList(fetchPage, {});

    const slow = list.load();
    await list.load();
    resolveSlow(pageOf(['stale']));
    await slow;

    expect(list.items.value).toEqual(['fresh']);
    expect(list.loading.value).toBe(false);
  });

  it('keeps the error and empties the rows when loading fails', async () => {
    const boom = new Error('offline');
    const list = usePagedList(() => Promise.reject(boom), {});
    await list.load();
    expect(list.error.value).toBe(boom);
    expect(list.items.value).toEqual([]);
    expect(list.loading.value).toBe(false);
  });

  it('replaces one row in place', async () => {
    const list = usePagedList(() => Promise.resolve(pageOf(['a', 'b', 'c'])), {});
    await list.load();
    list.replaceItem((x) => x === 'b', 'B');
    expect(list.items.value).toEqual(['a', 'B', 'c']);
  });
});
