import { ref, shallowRef, toRaw } from 'vue';
import type { Page } from '../api/endpoints';

export interface PageQuery {
  page: number;
  pageSize: number;
}

/**
 * A paginated list behind filters: `search()` goes back to page 1, `setPage()` moves, and an
 * answer that arrives after a newer request was made is dropped, so fast filtering cannot show
 * stale rows.
 */
export function usePagedList<T, F extends object>(
  fetchPage: (query: F & PageQuery) => Promise<Page<T>>,
  filters: F,
  pageSize = 20,
) {
  const items = shallowRef<T[]>([]);
  const total = ref(0);
  const page = ref(1);
  const loading = ref(false);
  const error = shallowRef<unknown>(null);
  let seq = 0;

  async function load(): Promise<void> {
    const mine = ++seq;
    loading.value = true;
    error.value = null;
    try {
      const result = await fetchPage({ ...toRaw(filters), page: page.value, pageSize });
      if (mine === seq) {
        items.value = result.items;
        total.value = result.total;
      }
    } catch (err) {
      if (mine === seq) {
        error.value = err;
        items.value = [];
        total.value = 0;
      }
    } finally {
      if (mine === seq) {
        loading.value = false;
      }
    }
  }

  function search(): Promise<void> {
    page.value = 1;
    return load();
  }

  function setPage(p: number): Promise<void> {
    page.value = p;
    return load();
  }

  /** Swaps one row in place (e.g. after an update) without reloading the page. */
  function replaceItem(match: (item: T) => boolean, next: T): void {
    items.value = items.value.map((item) => (match(item) ? next : item));
  }

  return { items, total, page, pageSize, loading, error, load, search, setPage, replaceItem };
}

/** What `usePagedList` returns, for components that render such a list. */
export type PagedList<T> = ReturnType<typeof usePagedList<T, object>>;
