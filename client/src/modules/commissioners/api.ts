import type {
  CityCode,
  CommissionerApplicationInput,
  CommissionerApplicationView,
  CommissionerCardView,
  CommissionerEndorsementInput,
  CommissionerProfileView,
  CommissionerReviewInput,
  CommissionerStatus,
} from '@kezhuan/shared';
import { api } from '../../api/client';
import type { Page } from '../../api/endpoints';

const id = (v: string) => encodeURIComponent(v);

export interface ApplicationQueueQuery {
  status?: CommissionerStatus;
  term?: number;
  city?: CityCode;
  page: number;
  pageSize: number;
}

export interface DirectoryQuery {
  q?: string;
  city?: string;
  county?: string;
  industry?: string;
  discipline?: string;
  page: number;
  pageSize: number;
}

/** Science commissioners (双千): applications, endorsement, review, directory and profiles. */
export const commissionerApi = {
  mine: () => api.get<CommissionerApplicationView[]>('/me/commissioner-applications'),
  apply: (input: CommissionerApplicationInput) => api.post<CommissionerApplicationView>('/commissioner-applications', input),
  resubmit: (appId: string, input: CommissionerApplicationInput) => api.put<CommissionerApplicationView>(`/commissioner-applications/${id(appId)}`, input),
  read: (appId: string) => api.get<CommissionerApplicationView>(`/commissioner-applications/${id(appId)}`),
  endorse: (appId: string, input: CommissionerEndorsementInput) =>
    api.post<CommissionerApplicationView>(`/commissioner-applications/${id(appId)}/endorsement`, input),
  review: (appId: string, input: CommissionerReviewInput) => api.post<CommissionerApplicationView>(`/commissioner-applications/${id(appId)}/review`, input),
  orgQueue: (orgId: string, q: ApplicationQueueQuery) =>
    api.get<Page<CommissionerApplicationView>>(`/orgs/${id(orgId)}/commissioner-applications`, { status: q.status, page: q.page, pageSize: q.pageSize }),
  adminQueue: (q: ApplicationQueueQuery) => api.get<Page<CommissionerApplicationView>>('/admin/commissioner-applications', { ...q }),
  directory: (q: DirectoryQuery) => api.get<Page<CommissionerCardView>>('/commissioners', { ...q }),
  profile: (cid: string) => api.get<CommissionerProfileView>(`/commissioners/${id(cid)}`),
  /** How many pairings I hold as a commissioner (the total of a one-row page). */
  myPairingsCount: async () => (await api.get<Page<unknown>>('/me/pairings', { side: 'commissioner', page: 1, pageSize: 1 })).total,
};
