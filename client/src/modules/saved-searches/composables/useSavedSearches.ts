import type { SavedSearchView } from '@kezhuan/shared';
import { ref, shallowRef } from 'vue';
import type { RouteLocationRaw } from 'vue-router';
import { savedSearchesApi } from '../../../api/matching';

/** The user's saved searches: list, rename, subscribe or not, delete, and where each one opens. */
export function useSavedSearches() {
  const items = shallowRef<SavedSearchView[]>([]);
  const loading = ref(false);
  const error = shallowRef<unknown>(null);
  /** Id of the saved search being changed. */
  const busy = ref<string | null>(null);

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      const answer: SavedSearchView[] | { items: SavedSearchView[] } = await savedSearchesApi.list();
      // The list may come as an array or as a page; both are accepted.
      items.value = Array.isArray(answer) ? answer : answer.items;
    } catch (err) {
      error.value = err;
    } finally {
      loading.value = false;
    }
  }

  async function change(id: string, patch: { name?: string; subscribed?: boolean }): Promise<void> {
    busy.value = id;
    try {
      const updated = await savedSearchesApi.update(id, patch);
      items.value = items.value.map((s) => (s.id === id ? updated : s));
    } finally {
      busy.value = null;
    }
  }

  async function remove(id: string): Promise<void> {
    busy.value = id;
    try {
      await savedSearchesApi.remove(id);
      items.value = items.value.filter((s) => s.id !== id);
    } finally {
      busy.value = null;
    }
  }

  /** The search page with the saved parameters in its query string. */
  function locationOf(search: SavedSearchView): RouteLocationRaw {
    return { path: `/search/${search.kind}`, query: { ...search.params } };
  }

  return {
    items,
    loading,
    error,
    busy,
    load,
    rename: (id: string, name: string) => change(id, { name }),
    setSubscribed: (id: string, subscribed: boolean) => change(id, { subscribed }),
    remove,
    locationOf,
  };
}
