import type {
  ApplicationInput,
  ApplicationStatus,
  ApplicationView,
  CallEligibilityView,
  CallInput,
  CallStatus,
  CallView,
  EligibilityView,
  FormalCheckInput,
  ProgrammeType,
} from '@kezhuan/shared';
import { api, buildUrl } from '../../api/client';
import type { Page } from '../../api/endpoints';

const id = (v: string) => encodeURIComponent(v);

/** Calls (申报指南) and applications (issue 15). */
export const programmesApi = {
  calls: (q: { programmeType?: ProgrammeType; year?: number; page?: number; pageSize?: number } = {}) => api.get<Page<CallView>>('/calls', { ...q }),
  call: (cid: string) => api.get<CallView>(`/calls/${id(cid)}`),
  eligibility: (cid: string) => api.get<CallEligibilityView>(`/calls/${id(cid)}/eligibility`),
  apply: (cid: string, input: ApplicationInput) => api.post<ApplicationView>(`/calls/${id(cid)}/applications`, input),
  mine: (q: { status?: ApplicationStatus; page?: number; pageSize?: number } = {}) => api.get<Page<ApplicationView>>('/me/applications', { ...q }),
  application: (aid: string) => api.get<ApplicationView>(`/applications/${id(aid)}`),
  update: (aid: string, input: ApplicationInput) => api.put<ApplicationView>(`/applications/${id(aid)}`, input),
  applicationEligibility: (aid: string) => api.get<EligibilityView>(`/applications/${id(aid)}/eligibility`),
  submit: (aid: string) => api.post<ApplicationView>(`/applications/${id(aid)}/submit`),
  upload: (aid: string, document: string, file: File) => api.upload<unknown>(`/applications/${id(aid)}/attachments`, file, { name: file.name, document }),
  removeFile: (aid: string, key: string) => api.delete<undefined>(`/applications/${id(aid)}/attachments/${id(key)}`),
  fileUrl: (aid: string, key: string) => buildUrl(`/applications/${id(aid)}/attachments/${id(key)}`),
};

export const programmesAdminApi = {
  calls: (q: { status?: CallStatus; page?: number; pageSize?: number } = {}) => api.get<Page<CallView>>('/admin/calls', { ...q }),
  create: (input: CallInput) => api.post<CallView>('/admin/calls', input),
  update: (cid: string, input: CallInput) => api.put<CallView>(`/admin/calls/${id(cid)}`, input),
  publish: (cid: string) => api.post<CallView>(`/admin/calls/${id(cid)}/publish`),
  applications: (cid: string, q: { status?: ApplicationStatus; page?: number; pageSize?: number } = {}) =>
    api.get<Page<ApplicationView>>(`/admin/calls/${id(cid)}/applications`, { ...q }),
  check: (aid: string, input: FormalCheckInput) => api.post<ApplicationView>(`/admin/applications/${id(aid)}/check`, input),
  exportUrl: (cid: string) => buildUrl(`/admin/calls/${id(cid)}/applications.xlsx`),
};
