import type {
  CallRankingView,
  FundingDecisionInput,
  FundingOverviewView,
  MilestoneReportInput,
  ProgrammeType,
  ProjectLinkCandidatesView,
  ProjectLinksInput,
  ProjectState,
  ProjectSummaryView,
  PublicProjectSummaryView,
  ProjectView,
  ReportReviewInput,
  YearlyReportInput,
} from '@kezhuan/shared';
import { ApiError, api, buildUrl } from '../../api/client';
import type { Page } from '../../api/endpoints';

const id = (v: string) => encodeURIComponent(v);

/** What the funding page shows of the expert review's ranking, per application. */
export interface RankingRow {
  applicationId: string;
  meanScore: number | null;
  reviewsDone: number;
  reviewsAssigned: number;
}

export interface OverdueRow {
  project: { id: string; number: string; title: string; org: { id: string; name: string } };
  milestone: { id: string; name: string; kind: string; dueDate: string; state: string };
}

/** Funding decisions and funded projects (立项项目, issue 15). */
export const fundedProjectsApi = {
  list: (q: { year?: number; programmeType?: ProgrammeType; page?: number; pageSize?: number } = {}) => api.get<Page<PublicProjectSummaryView>>('/projects', { ...q }),
  mine: (q: { page?: number; pageSize?: number } = {}) => api.get<Page<ProjectSummaryView>>('/me/projects', { ...q }),
  project: (pid: string) => api.get<ProjectView>(`/projects/${id(pid)}`),
  reportMilestone: (pid: string, mid: string, input: MilestoneReportInput) => api.post<ProjectView>(`/projects/${id(pid)}/milestones/${id(mid)}/report`, input),
  yearlyReport: (pid: string, input: YearlyReportInput) => api.post<ProjectView>(`/projects/${id(pid)}/yearly-reports`, input),
  uploadYearlyFile: (pid: string, year: number, file: File) => api.upload<unknown>(`/projects/${id(pid)}/yearly-reports/${year}/attachments`, file, { name: file.name }),
  fileUrl: (pid: string, key: string) => buildUrl(`/projects/${id(pid)}/attachments/${id(key)}`),
  linkCandidates: (pid: string) => api.get<ProjectLinkCandidatesView>(`/projects/${id(pid)}/link-candidates`),
  links: (pid: string, input: ProjectLinksInput) => api.put<ProjectView>(`/projects/${id(pid)}/links`, input),
};

export const fundingAdminApi = {
  overview: (cid: string) => api.get<FundingOverviewView>(`/admin/calls/${id(cid)}/funding`),
  decide: (aid: string, input: FundingDecisionInput) => api.post<FundingOverviewView>(`/admin/applications/${id(aid)}/funding`, input),
  /**
   * The expert review's ranking (GET /admin/calls/:id/ranking), best mean weighted score first,
   * unscored last; a 404 or 403 gives an empty ranking and the score column stays blank.
   */
  async ranking(cid: string): Promise<RankingRow[]> {
    try {
      const body = await api.get<CallRankingView>(`/admin/calls/${id(cid)}/ranking`);
      return body.items.map((r) => ({ applicationId: r.applicationId, meanScore: r.mean, reviewsDone: r.reviewsDone, reviewsAssigned: r.reviewsAssigned }));
    } catch (err) {
      if (err instanceof ApiError && (err.status === 404 || err.status === 403)) {
        return [];
      }
      throw err;
    }
  },
  projects: (q: { call?: string; year?: number; state?: ProjectState; overdue?: boolean; page?: number; pageSize?: number } = {}) =>
    api.get<Page<ProjectSummaryView>>('/admin/projects', { ...q }),
  overdue: () => api.get<OverdueRow[]>('/admin/projects/overdue'),
  reviewMilestone: (pid: string, mid: string, input: ReportReviewInput) => api.post<ProjectView>(`/admin/projects/${id(pid)}/milestones/${id(mid)}/review`, input),
  reviewYearly: (pid: string, year: number, input: ReportReviewInput) => api.post<ProjectView>(`/admin/projects/${id(pid)}/yearly-reports/${year}/review`, input),
};
