import type {
  IntermediaryHomeView,
  IntermediaryOrgListView,
  IntermediaryScorecardView,
  IntermediaryServiceInput,
  IntermediaryServiceKind,
  IntermediaryServiceView,
} from '@kezhuan/shared';
import { api } from '../../api/client';
import type { Page } from '../../api/endpoints';

const id = (v: string) => encodeURIComponent(v);

export interface CatalogueQuery {
  kind?: IntermediaryServiceKind;
  q?: string;
  org?: string;
  mine?: '1';
  page: number;
  pageSize: number;
}

/** Intermediaries: the public service catalogue and scorecards, a member's own services and home. */
export const intermediaryApi = {
  services: (q: CatalogueQuery) => api.get<Page<IntermediaryServiceView>>('/intermediary-services', { ...q }),
  service: (sid: string) => api.get<IntermediaryServiceView>(`/intermediary-services/${id(sid)}`),
  create: (input: IntermediaryServiceInput) => api.post<IntermediaryServiceView>('/intermediary-services', input),
  update: (sid: string, input: IntermediaryServiceInput) => api.put<IntermediaryServiceView>(`/intermediary-services/${id(sid)}`, input),
  withdraw: (sid: string) => api.post<IntermediaryServiceView>(`/intermediary-services/${id(sid)}/withdraw`),
  intermediaries: () => api.get<IntermediaryOrgListView>('/intermediaries'),
  scorecard: (orgId: string) => api.get<IntermediaryScorecardView>(`/intermediaries/${id(orgId)}/scorecard`),
  home: () => api.get<IntermediaryHomeView>('/me/intermediary'),
};
