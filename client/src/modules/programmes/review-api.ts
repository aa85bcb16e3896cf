import type { AdminUserView, ApplicationReviewsView, CallRankingView, ExpertView, MyReviewView, ProposalView, ReviewStatus, ScoreInput } from '@kezhuan/shared';
import { api } from '../../api/client';
import type { Page } from '../../api/endpoints';

const id = (v: string) => encodeURIComponent(v);

export interface ExpertBody {
  disciplines: string[];
  industries: string[];
  terms: string[];
  stakes: string[];
  active: boolean;
}

/** The expert review (issue 15): the administrator's pool, assignments and ranking; the reviewer's workbench. */
export const reviewAdminApi = {
  experts: (q: { page?: number; pageSize?: number } = {}) => api.get<Page<ExpertView>>('/admin/experts', { ...q }),
  users: (q: string) => api.get<Page<AdminUserView>>('/admin/users', { q, pageSize: 10 }),
  createExpert: (body: ExpertBody & { user: string }) => api.post<ExpertView>('/admin/experts', body),
  inviteExpert: (body: ExpertBody & { displayName: string; email: string; phone: string }) => api.post<ExpertView>('/admin/experts/invite', body),
  updateExpert: (eid: string, body: ExpertBody) => api.put<ExpertView>(`/admin/experts/${id(eid)}`, body),
  proposals: (aid: string) => api.get<{ items: ProposalView[] }>(`/admin/applications/${id(aid)}/proposals`),
  reviews: (aid: string) => api.get<ApplicationReviewsView>(`/admin/applications/${id(aid)}/reviews`),
  assign: (aid: string, experts: string[]) => api.post<ApplicationReviewsView>(`/admin/applications/${id(aid)}/reviews`, { experts }),
  withdraw: (rid: string) => api.delete<undefined>(`/admin/reviews/${id(rid)}`),
  reopen: (rid: string) => api.post<undefined>(`/admin/reviews/${id(rid)}/reopen`),
  ranking: (cid: string) => api.get<CallRankingView>(`/admin/calls/${id(cid)}/ranking`),
};

export const reviewApi = {
  mine: (q: { status?: ReviewStatus; page?: number; pageSize?: number } = {}) => api.get<Page<MyReviewView>>('/me/reviews', { ...q }),
  one: (rid: string) => api.get<MyReviewView>(`/reviews/${id(rid)}`),
  save: (rid: string, input: ScoreInput) => api.put<MyReviewView>(`/reviews/${id(rid)}`, input),
  submit: (rid: string, input: ScoreInput) => api.post<MyReviewView>(`/reviews/${id(rid)}/submit`, input),
};
