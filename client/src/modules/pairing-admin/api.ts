import type {
  CommissionerCardView,
  PairingPairSetInput,
  PairingRunInput,
  PairingRunPairView,
  PairingRunView,
  PublicServiceSummaryView,
  ServiceSummaryView,
} from '@kezhuan/shared';
import { api, buildUrl } from '../../api/client';
import type { Page } from '../../api/endpoints';

const run = (id: string) => `/admin/pairing-runs/${encodeURIComponent(id)}`;

export interface RunCompare {
  a: string;
  b: string;
  added: { request: string; commissioner: string; score: number }[];
  removed: { request: string; commissioner: string; score: number }[];
  kept: number;
  totalDelta: number;
}
export interface PairEdit {
  pair: PairingRunPairView | null;
  total: number;
  pairs: number;
}

/** The administrators' pairing-run API (`/api/admin/pairing-runs`, 双千). */
export const pairingAdminApi = {
  start: (input: PairingRunInput) => api.post<PairingRunView>('/admin/pairing-runs', input),
  list: (term: number) => api.get<Page<PairingRunView>>('/admin/pairing-runs', { term }),
  get: (id: string) => api.get<PairingRunView>(run(id)),
  pairs: (id: string) => api.get<{ run: PairingRunView; items: PairingRunPairView[] }>(`${run(id)}/pairs`),
  setPair: (id: string, input: PairingPairSetInput) => api.put<PairEdit>(`${run(id)}/pairs`, input),
  removePair: (id: string, pairId: string) => api.delete<PairEdit>(`${run(id)}/pairs/${encodeURIComponent(pairId)}`),
  compare: (a: string, b: string) => api.get<RunCompare>('/admin/pairing-runs/compare', { a, b }),
  confirm: (id: string) => api.post<{ run: PairingRunView; confirmed: number; dropped: number }>(`${run(id)}/confirm`),
  /** Approved commissioners of the term, for the swap picker. */
  commissioners: (term: number, q: string) => api.get<Page<CommissionerCardView>>('/commissioners', { term, q: q || undefined, pageSize: 20 }),
};

/** The programme figures: the administrators' dashboard, its workbook, and the public summary. */
export const programmeApi = {
  summary: (term: number) => api.get<ServiceSummaryView>('/admin/service-summary', { term }),
  publicSummary: (term?: number) => api.get<PublicServiceSummaryView>('/service-summary', { term }),
  xlsxUrl: (term: number, lang: 'zh-CN' | 'en') => buildUrl('/admin/service-summary.xlsx', { term, lang }),
};
