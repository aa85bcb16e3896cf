import type {
  FeedbackSummaryView,
  ListingKind,
  MatchFeedbackInput,
  RecommendationsResponse,
  SavedSearchInput,
  SavedSearchView,
  SearchKind,
  SearchResponse,
} from '@kezhuan/shared';
import { api, buildUrl, type QueryValue } from './client';

/** Search parameters as the query string carries them (multi-valued filters are arrays). */
export type SearchParams = Record<string, QueryValue>;

const id = (v: string) => encodeURIComponent(v);
const plural = (kind: ListingKind): SearchKind => (kind === 'result' ? 'results' : 'needs');

export const searchApi = {
  search: (kind: SearchKind, params: SearchParams, signal?: AbortSignal) => api.get<SearchResponse>(`/search/${kind}`, params, signal),
  suggest: (kind: SearchKind, q: string, signal?: AbortSignal) =>
    api.get<{ suggestions: string[] }>('/search/suggest', { kind, q }, signal),
  /** A download link for a search's export, with column headings in `lang`; a plain link the browser follows. */
  exportUrl: (kind: SearchKind, format: 'xlsx' | 'csv', params: SearchParams, lang: 'zh-CN' | 'en') => {
    const { page: _page, pageSize: _size, ...filters } = params;
    return buildUrl(`/search/${kind}/export`, { ...filters, format, lang });
  },
};

export const matchingApi = {
  /** Ranked counterparts of a listing: results for a need, needs for a result. */
  recommendations: (kind: ListingKind, lid: string) =>
    api.get<RecommendationsResponse>(`/${plural(kind)}/${id(lid)}/recommendations`),
  /** Records a verdict; interest answers the deal room it opened (or the pair's open one). */
  feedback: (input: MatchFeedbackInput) => api.post<{ verdict: string; deal?: string }>('/match-feedback', input),
  /** How others judged the owner's listing, in aggregate. */
  feedbackSummary: (kind: ListingKind, lid: string) => api.get<FeedbackSummaryView>(`/${plural(kind)}/${id(lid)}/feedback`),
};

export const savedSearchesApi = {
  list: () => api.get<SavedSearchView[] | { items: SavedSearchView[] }>('/saved-searches'),
  create: (input: SavedSearchInput) => api.post<SavedSearchView>('/saved-searches', input),
  update: (sid: string, input: { name?: string; subscribed?: boolean }) => api.patch<SavedSearchView>(`/saved-searches/${id(sid)}`, input),
  remove: (sid: string) => api.delete<undefined>(`/saved-searches/${id(sid)}`),
};
