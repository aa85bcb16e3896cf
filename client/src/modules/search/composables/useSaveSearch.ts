import type { SearchKind } from '@kezhuan/shared';
import { ref, toValue, type MaybeRefOrGetter } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { ApiError } from '../../../api/client';
import { savedSearchesApi } from '../../../api/matching';
import { currentLocale, errorText } from '../../../i18n';
import { useAuthStore } from '../../auth/store';

/**
 * "Save this search and subscribe": visitors are sent to sign in first (and come back), members
 * name the search in a dialog; a refused name shows as the dialog's error.
 */
export function useSaveSearch(kind: MaybeRefOrGetter<SearchKind>, params: MaybeRefOrGetter<Record<string, string | string[]>>) {
  const auth = useAuthStore();
  const route = useRoute();
  const router = useRouter();
  const open = ref(false);
  const saving = ref(false);
  const error = ref('');

  function start(): void {
    if (!auth.user) {
      void router.push({ name: 'login', query: { redirect: route.fullPath } });
      return;
    }
    error.value = '';
    open.value = true;
  }

  /** True once saved (the dialog closes). */
  async function save(name: string, subscribed: boolean): Promise<boolean> {
    saving.value = true;
    error.value = '';
    try {
      await savedSearchesApi.create({ kind: toValue(kind), name, params: toValue(params), subscribed });
      open.value = false;
      return true;
    } catch (err) {
      const field = err instanceof ApiError ? err.fields[0] : undefined;
      error.value = field ? (currentLocale() === 'en' ? field.messageEn : field.message) : errorText(err);
      return false;
    } finally {
      saving.value = false;
    }
  }

  return { open, saving, error, start, save };
}
