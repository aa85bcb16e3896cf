import type { AdminMarketStatsView, PublicMarketStatsView } from '@kezhuan/shared';
import { api, buildUrl } from '../../api/client';

/** The technology market's figures: public summary, the administrators' full view and its XLSX. */
export const marketApi = {
  publicStats: () => api.get<PublicMarketStatsView>('/market/stats'),
  adminStats: () => api.get<AdminMarketStatsView>('/admin/market/stats'),
  xlsxUrl: (lang: 'zh-CN' | 'en') => buildUrl('/admin/market/stats.xlsx', { lang }),
};
