import type { SearchKind } from '@kezhuan/shared';
import { toValue, type MaybeRefOrGetter } from 'vue';
import { searchApi } from '../../../api/matching';

const Q_MAX = 50;

/**
 * Search-as-you-type completions for el-autocomplete (which debounces the calls). Only the newest
 * request answers: an older one is aborted and its callback never fires; failures mean no suggestions.
 */
export function useSuggestions(kind: MaybeRefOrGetter<SearchKind>) {
  let controller: AbortController | null = null;

  async function suggest(text: string): Promise<string[] | null> {
    controller?.abort();
    const q = text.trim().slice(0, Q_MAX);
    if (!q) {
      controller = null;
      return [];
    }
    const mine = new AbortController();
    controller = mine;
    try {
      const { suggestions } = await searchApi.suggest(toValue(kind), q, mine.signal);
      return controller === mine ? suggestions : null;
    } catch {
      return controller === mine ? [] : null;
    }
  }

  /** The `fetch-suggestions` callback of el-autocomplete. */
  function fetchSuggestions(text: string, cb: (items: { value: string }[]) => void): void {
    void suggest(text).then((list) => {
      if (list) {
        cb(list.map((value) => ({ value })));
      }
    });
  }

  return { suggest, fetchSuggestions };
}
