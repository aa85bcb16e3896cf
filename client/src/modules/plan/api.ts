import type { PlanDashboardView, PlanEntryInput, PlanEntryUpdate, PlanEntryView, PlanInput, PlanListView, PlanSummaryView } from '@kezhuan/shared';
import { api, buildUrl } from '../../api/client';

/** The plan-target dashboard: plans, public and full dashboards, manual entries, the XLSX. */
export const planApi = {
  plans: () => api.get<PlanListView>('/plans'),
  dashboard: (code: string) => api.get<PlanDashboardView>(`/plans/${encodeURIComponent(code)}/dashboard`),
  adminDashboard: (code: string) => api.get<PlanDashboardView>(`/admin/plans/${encodeURIComponent(code)}/dashboard`),
  createPlan: (body: PlanInput) => api.post<PlanSummaryView>('/admin/plans', body),
  addEntry: (code: string, body: PlanEntryInput) => api.post<PlanEntryView>(`/admin/plans/${encodeURIComponent(code)}/entries`, body),
  updateEntry: (code: string, id: string, body: PlanEntryUpdate) => api.patch<PlanEntryView>(`/admin/plans/${encodeURIComponent(code)}/entries/${id}`, body),
  removeEntry: (code: string, id: string) => api.delete<void>(`/admin/plans/${encodeURIComponent(code)}/entries/${id}`),
  xlsxUrl: (code: string, lang: 'zh-CN' | 'en') => buildUrl(`/admin/plans/${encodeURIComponent(code)}/dashboard.xlsx`, { lang }),
};
