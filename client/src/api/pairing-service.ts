import type {
  CommissionerCardView,
  PairingAnswerInput,
  PairingServiceView,
  PairingView,
  ServiceAgreementInput,
  ServiceEntryInput,
  ServiceEntryReviewInput,
  ServiceEntryView,
  ServiceRatingInput,
  ServiceRequestInput,
  ServiceRequestStatus,
  ServiceRequestUpdateInput,
  ServiceRequestUrgency,
  ServiceRequestView,
} from '@kezhuan/shared';
import { api, buildUrl } from './client';
import type { Page } from './endpoints';

const id = (v: string) => encodeURIComponent(v);

export type RequestTransition = 'open' | 'withdraw' | 'close';
export type PairingSide = 'commissioner' | 'enterprise';

/** Enterprise service requests (双千). */
export const serviceRequestsApi = {
  mine: (q: { status?: ServiceRequestStatus; page?: number; pageSize?: number } = {}) => api.get<Page<ServiceRequestView>>('/me/service-requests', { ...q }),
  get: (rid: string) => api.get<ServiceRequestView>(`/service-requests/${id(rid)}`),
  create: (input: ServiceRequestInput) => api.post<ServiceRequestView>('/service-requests', input),
  update: (rid: string, input: ServiceRequestUpdateInput) => api.patch<ServiceRequestView>(`/service-requests/${id(rid)}`, input),
  transition: (rid: string, action: RequestTransition) => api.post<ServiceRequestView>(`/service-requests/${id(rid)}/${action}`),
  fromNeed: (needId: string, input: { urgency: ServiceRequestUrgency; open: boolean }) =>
    api.post<ServiceRequestView>(`/needs/${id(needId)}/service-request`, input),
};

/** The public commissioner directory (search-as-you-type for preferred/excluded commissioners). */
export const commissionerDirectoryApi = {
  search: (q: string, signal?: AbortSignal) => api.get<Page<CommissionerCardView>>('/commissioners', { q, pageSize: 10 }, signal),
};

/** "My pairings" on either side, and the answer to one. */
export const pairingsApi = {
  mine: (side: PairingSide, q: { page?: number; pageSize?: number } = {}) => api.get<Page<PairingView>>('/me/pairings', { side, ...q }),
  answer: (pid: string, input: PairingAnswerInput) => api.post<PairingView>(`/pairings/${id(pid)}/answer`, input),
};

/** The service of an accepted pairing: agreement, log, review, rating. */
export const serviceLogApi = {
  get: (pid: string) => api.get<PairingServiceView>(`/pairings/${id(pid)}/service`),
  draftAgreement: (pid: string, input: ServiceAgreementInput) => api.put<PairingServiceView>(`/pairings/${id(pid)}/agreement`, input),
  confirmAgreement: (pid: string) => api.post<PairingServiceView>(`/pairings/${id(pid)}/agreement/confirm`),
  logEntry: (pid: string, input: ServiceEntryInput) => api.post<ServiceEntryView>(`/pairings/${id(pid)}/service-entries`, input),
  review: (pid: string, entryId: string, input: ServiceEntryReviewInput) =>
    api.post<ServiceEntryView>(`/pairings/${id(pid)}/service-entries/${id(entryId)}/review`, input),
  /** Adds a file (raw body, checked by content on the server) to the commissioner's entry; returns the entry. */
  attach: (pid: string, entryId: string, file: File) =>
    api.upload<ServiceEntryView>(`/pairings/${id(pid)}/service-entries/${id(entryId)}/attachments`, file, { name: file.name }),
  attachmentUrl: (pid: string, entryId: string, key: string) =>
    buildUrl(`/pairings/${id(pid)}/service-entries/${id(entryId)}/attachments/${id(key)}`),
  rate: (pid: string, input: ServiceRatingInput) => api.post<PairingServiceView>(`/pairings/${id(pid)}/rating`, input),
};
