import { useRouter } from 'vue-router';

/**
 * A catalogue's filters kept in the URL: `search()` writes the non-empty filters (text trimmed) to the
 * query and searches again from page 1; `reset()` empties them first. A filter's "empty" value is ''
 * unless `empty` says otherwise (the carriers' type tab: 'all').
 */
export function useUrlFilters<F extends Record<string, string>>(filters: F, list: { search(): unknown }, empty: Partial<F> = {}) {
  const router = useRouter();
  function search(): void {
    const query = Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, v.trim()]).filter(([k, v]) => v && v !== empty[k as keyof F]));
    void router.replace({ query });
    void list.search();
  }
  function reset(): void {
    for (const k of Object.keys(filters) as (keyof F)[]) {
      (filters as Record<keyof F, string>)[k] = empty[k] ?? '';
    }
    search();
  }
  return { search, reset };
}
