import type { TransferIndexBreakdownView, TransferIndexFormulaView, TransferIndexRankingView, TransferIndexWeightsInput } from '@kezhuan/shared';
import { api, buildUrl } from '../../api/client';

/** The institutions' transformation index: ranking, breakdown, and the administrators' weights, recount and XLSX. */
export const transferIndexApi = {
  ranking: (q: { year?: number; type?: string; city?: string }) => api.get<TransferIndexRankingView>('/transfer-index', q),
  breakdown: (id: string, year?: number) => api.get<TransferIndexBreakdownView>(`/transfer-index/orgs/${id}`, { year }),
  setWeights: (body: TransferIndexWeightsInput) => api.put<TransferIndexFormulaView>('/admin/transfer-index/formula', body),
  recount: (year: number) => api.post<TransferIndexRankingView>(`/admin/transfer-index/recount?year=${year}`),
  xlsxUrl: (year: number, lang: 'zh-CN' | 'en') => buildUrl('/admin/transfer-index.xlsx', { year, lang }),
};
