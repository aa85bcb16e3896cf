import type { OrgView } from '@kezhuan/shared';
import { ref } from 'vue';
import { orgsApi, type OrgSearch } from '../api/endpoints';
import { errorText } from '../i18n';

/**
 * Organisations searched as one types (the public `GET /api/orgs`): only the answer to the latest
 * words counts, an empty query clears the list, a failure shows its message. `query` turns the words
 * into the search (type filter, page size); `shape` filters or orders what came back.
 */
export function useOrgSearch(opts: { query: (q: string) => OrgSearch; shape?: (items: OrgView[]) => OrgView[] }) {
  const options = ref<OrgView[]>([]);
  const loading = ref(false);
  const error = ref('');
  let seq = 0;

  async function search(raw: string): Promise<void> {
    const mine = ++seq;
    const q = raw.trim();
    error.value = '';
    if (!q) {
      options.value = [];
      loading.value = false;
      return;
    }
    loading.value = true;
    try {
      const page = await orgsApi.list(opts.query(q));
      if (mine === seq) {
        options.value = opts.shape ? opts.shape([...page.items]) : page.items;
      }
    } catch (err) {
      if (mine === seq) {
        options.value = [];
        error.value = errorText(err);
      }
    } finally {
      if (mine === seq) {
        loading.value = false;
      }
    }
  }

  return { options, loading, error, search };
}
