import type {
  AttachmentView,
  ListingKind,
  ListingStatus,
  MyListingView,
  NeedFullView,
  NeedInput,
  NeedUpdateInput,
  NeedView,
  PendingAttachmentView,
  ResultFullView,
  ResultInput,
  ResultUpdateInput,
  ResultView,
  ReviewCountsView,
  ReviewDecisionInput,
  ReviewOutcomeView,
  ReviewQueueItemView,
  ReviewQueueQuery,
} from '@kezhuan/shared';
import { api, buildUrl } from './client';
import type { Page } from './endpoints';

/** Lifecycle actions an owner takes on a listing. */
export type OwnerAction = 'submit' | 'withdraw' | 'confirm';

export interface MyListingsQuery {
  status?: ListingStatus;
  /** mine (default: mine and shared with me) or the whole organisation's. */
  scope?: 'mine' | 'org';
  page?: number;
  pageSize?: number;
}

const id = (v: string) => encodeURIComponent(v);

export const resultsApi = {
  get: (rid: string) => api.get<ResultView>(`/results/${id(rid)}`),
  create: (input: ResultInput) => api.post<ResultFullView>('/results', input),
  update: (rid: string, input: ResultUpdateInput) => api.patch<ResultFullView>(`/results/${id(rid)}`, input),
  transition: (rid: string, action: OwnerAction) => api.post<ResultFullView>(`/results/${id(rid)}/${action}`),
  mine: (q: MyListingsQuery = {}) => api.get<Page<MyListingView>>('/me/results', { ...q }),
  upload: (rid: string, file: File) => api.upload<AttachmentView>(`/results/${id(rid)}/attachments`, file, { name: file.name }),
  removeAttachment: (rid: string, key: string) => api.delete<undefined>(`/results/${id(rid)}/attachments/${id(key)}`),
  /** A plain link: the browser downloads the file with the session cookie. */
  attachmentUrl: (rid: string, key: string) => buildUrl(`/results/${id(rid)}/attachments/${id(key)}`),
};

export const needsApi = {
  get: (nid: string) => api.get<NeedView>(`/needs/${id(nid)}`),
  create: (input: NeedInput) => api.post<NeedFullView>('/needs', input),
  update: (nid: string, input: NeedUpdateInput) => api.patch<NeedFullView>(`/needs/${id(nid)}`, input),
  transition: (nid: string, action: OwnerAction) => api.post<NeedFullView>(`/needs/${id(nid)}/${action}`),
  mine: (q: MyListingsQuery = {}) => api.get<Page<MyListingView>>('/me/needs', { ...q }),
};

/** The review queue's search and filters (empty values are left out of the query). */
export type ReviewQueueFilters = Omit<ReviewQueueQuery, 'kind' | 'page' | 'pageSize'>;

export const reviewApi = {
  queue: (kind: ListingKind, page = 1, pageSize = 20, filters: ReviewQueueFilters = {}) =>
    api.get<Page<ReviewQueueItemView>>('/admin/review', { kind, page, pageSize, ...filters }),
  counts: () => api.get<ReviewCountsView>('/admin/review/counts'),
  attachments: () => api.get<{ items: PendingAttachmentView[] }>('/admin/review/attachments'),
  decideAttachment: (rid: string, key: string, input: ReviewDecisionInput) =>
    api.post<void>(`/admin/review/attachments/${id(rid)}/${encodeURIComponent(key)}`, input),
  decide: (kind: ListingKind, lid: string, input: ReviewDecisionInput) =>
    api.post<ReviewOutcomeView>(`/admin/review/${kind}/${id(lid)}`, input),
};
