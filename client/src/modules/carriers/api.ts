import type {
  CarrierApplicationInput,
  CarrierCountRow,
  CarrierEvaluationInput,
  CarrierPageView,
  CarrierPublicView,
  CarrierReportInput,
  CarrierReportReviewInput,
  CarrierReviewInput,
  CarrierType,
  CarrierView,
} from '@kezhuan/shared';
import { api } from '../../api/client';
import type { Page } from '../../api/endpoints';

const id = (v: string) => encodeURIComponent(v);

export interface CarrierDirectoryFilters {
  type?: CarrierType;
  city?: string;
  year?: number;
  industry?: string;
  page: number;
  pageSize: number;
}

export interface CarrierAdminFilters {
  status?: string;
  overdue?: 'true';
  reports?: 'pending';
  page: number;
  pageSize: number;
}

/** Innovation carriers: directory, page, counts, application, my carriers, review. */
export const carrierApi = {
  directory: (q: CarrierDirectoryFilters) => api.get<Page<CarrierPublicView>>('/carriers', { ...q }),
  page: (carrierId: string) => api.get<CarrierPageView>(`/carriers/${id(carrierId)}`),
  counts: (type?: CarrierType) => api.get<CarrierCountRow[]>('/carriers/counts', { type }),
  apply: (input: CarrierApplicationInput) => api.post<CarrierView>('/carriers', input),
  mine: () => api.get<CarrierView[]>('/me/carriers'),
  resubmit: (carrierId: string, input: CarrierApplicationInput) => api.put<CarrierView>(`/me/carriers/${id(carrierId)}`, input),
  report: (carrierId: string, input: CarrierReportInput) => api.post<CarrierView>(`/me/carriers/${id(carrierId)}/reports`, input),
  queue: (q: CarrierAdminFilters) => api.get<Page<CarrierView>>('/admin/carriers', { ...q }),
  review: (carrierId: string, input: CarrierReviewInput) => api.post<CarrierView>(`/admin/carriers/${id(carrierId)}/review`, input),
  reviewReport: (carrierId: string, year: number, input: CarrierReportReviewInput) => api.post<CarrierView>(`/admin/carriers/${id(carrierId)}/reports/${year}/review`, input),
  evaluate: (carrierId: string, input: CarrierEvaluationInput) => api.post<CarrierView>(`/admin/carriers/${id(carrierId)}/evaluation`, input),
};
