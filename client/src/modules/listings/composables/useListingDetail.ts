import { computed, ref, shallowRef } from 'vue';
import { ApiError } from '../../../api/client';
import { usePageTitle } from '../../../composables/usePageTitle';
import { useAuthStore } from '../../auth/store';
import { isOwner } from '../ownership';

/**
 * One listing for a detail page: loading, a readable not-found (drafts of others are 404 too), and
 * whether the signed-in user owns it. `replace()` takes the view an action answered with.
 */
export function useListingDetail<V extends { id: string }>(fetchView: (id: string) => Promise<V>) {
  const auth = useAuthStore();
  const view = shallowRef<V | null>(null);
  const loading = ref(false);
  const error = shallowRef<unknown>(null);
  const notFound = ref(false);
  let seq = 0;
  usePageTitle(() => (view.value as { title?: string } | null)?.title);

  async function load(id: string): Promise<void> {
    const mine = ++seq;
    loading.value = true;
    error.value = null;
    notFound.value = false;
    try {
      const v = await fetchView(id);
      if (mine === seq) {
        view.value = v;
      }
    } catch (err) {
      if (mine === seq) {
        view.value = null;
        notFound.value = err instanceof ApiError && (err.status === 404 || err.code === 'VALIDATION_FAILED');
        error.value = notFound.value ? null : err;
      }
    } finally {
      if (mine === seq) {
        loading.value = false;
      }
    }
  }

  function replace(next: V): void {
    view.value = next;
  }

  // A confidential need's restricted view names no organisation; its owner always gets the full view.
  const owner = computed(() => {
    const v = view.value as { org?: { id: string }; canEdit?: boolean } | null;
    return v?.org ? isOwner(auth.user, { org: v.org, canEdit: v.canEdit }) : false;
  });

  return { view, loading, error, notFound, owner, load, replace };
}
