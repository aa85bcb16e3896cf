import type {
  FinancingAnswerInput, FinancingApplicationInput, FinancingApplicationStatus, FinancingApplicationView, FinancingDocument, FinancingFitView, FinancingProductInput,
  FinancingProductKind, FinancingProductView, FinancingProfileInput, FinancingProfileView, FinancingSubjectKind,
} from '@kezhuan/shared';
import { api, buildUrl } from '../../api/client';
import type { Page } from '../../api/endpoints';

const id = (v: string) => encodeURIComponent(v);

export interface ProductQuery {
  kind?: FinancingProductKind;
  city?: string;
  industry?: string;
  maturity?: string;
  org?: string;
  q?: string;
  mine?: '1';
  page: number;
  pageSize: number;
}

/** Financing (科技金融): the public products catalogue, fit with reasons, applications and answers. */
export const financingApi = {
  products: (q: ProductQuery) => api.get<Page<FinancingProductView>>('/financing/products', { ...q }),
  product: (pid: string) => api.get<FinancingProductView>(`/financing/products/${id(pid)}`),
  create: (input: FinancingProductInput) => api.post<FinancingProductView>('/financing/products', input),
  update: (pid: string, input: FinancingProductInput) => api.put<FinancingProductView>(`/financing/products/${id(pid)}`, input),
  withdraw: (pid: string) => api.post<FinancingProductView>(`/financing/products/${id(pid)}/withdraw`),
  profile: () => api.get<FinancingProfileView>('/financing/profile'),
  setProfile: (input: FinancingProfileInput) => api.put<FinancingProfileView>('/financing/profile', input),
  fit: (subject: FinancingSubjectKind, sid: string) => api.get<FinancingFitView>('/financing/fit', { subject, id: sid }),
  apply: (pid: string, input: FinancingApplicationInput) => api.post<FinancingApplicationView>(`/financing/products/${id(pid)}/applications`, input),
  applications: (q: { box: 'mine' | 'inbox'; status?: FinancingApplicationStatus; page: number; pageSize: number }) =>
    api.get<Page<FinancingApplicationView>>('/financing/applications', { ...q }),
  application: (aid: string) => api.get<FinancingApplicationView>(`/financing/applications/${id(aid)}`),
  answer: (aid: string, input: FinancingAnswerInput) => api.post<FinancingApplicationView>(`/financing/applications/${id(aid)}/answers`, input),
  reply: (aid: string, note: string) => api.post<FinancingApplicationView>(`/financing/applications/${id(aid)}/replies`, { note }),
  upload: (aid: string, document: FinancingDocument, file: File) => api.upload<unknown>(`/financing/applications/${id(aid)}/attachments`, file, { name: file.name, document }),
  removeFile: (aid: string, key: string) => api.delete<undefined>(`/financing/applications/${id(aid)}/attachments/${id(key)}`),
  fileUrl: (aid: string, key: string) => buildUrl(`/financing/applications/${id(aid)}/attachments/${id(key)}`),
  withdrawApplication: (aid: string) => api.post<FinancingApplicationView>(`/financing/applications/${id(aid)}/withdraw`),
};
