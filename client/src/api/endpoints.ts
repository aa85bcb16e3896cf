import type {
  AuditView,
  ChangePasswordInput,
  CityCode,
  HealthView,
  LoginInput,
  MeView,
  OrgCreateInput,
  OrgType,
  OrgView,
  ProfileUpdateInput,
  RegisterConfirmInput,
  RegisterInput,
  RegistrationCodeSent,
  SessionView,
} from '@kezhuan/shared';
import { api } from './client';

/** A page of a list endpoint (`paginated()` in shared). */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface OrgSearch {
  q?: string;
  type?: OrgType;
  city?: CityCode;
  verified?: boolean;
  page?: number;
  pageSize?: number;
}

export interface AuditSearch {
  action?: string;
  page?: number;
  pageSize?: number;
}

export const authApi = {
  session: () => api.get<SessionView>('/auth/session'),
  login: (input: LoginInput) => api.post<SessionView>('/auth/login', input),
  /** Registration step 1: the same answer whether or not the email is registered. */
  requestRegistration: (input: RegisterInput) => api.post<RegistrationCodeSent>('/auth/register', input),
  /** Registration step 2: the form with the emailed code; creates the account and signs in. */
  register: (input: RegisterConfirmInput) => api.post<SessionView>('/auth/register/confirm', input),
  // The logout route takes no body at all.
  logout: () => api.post<{ csrfToken: string }>('/auth/logout'),
  changePassword: (input: ChangePasswordInput) => api.post<MeView>('/auth/password', input),
};

export const usersApi = {
  me: () => api.get<MeView>('/users/me'),
  updateMe: (input: ProfileUpdateInput) => api.patch<MeView>('/users/me', input),
};

export const orgsApi = {
  list: (q: OrgSearch = {}, signal?: AbortSignal) =>
    api.get<Page<OrgView>>(
      '/orgs',
      { ...q, verified: q.verified === undefined ? undefined : String(q.verified) },
      signal,
    ),
  get: (id: string) => api.get<OrgView>(`/orgs/${encodeURIComponent(id)}`),
  create: (input: OrgCreateInput) => api.post<OrgView>('/orgs', input),
  setVerification: (id: string, verified: boolean, note?: string) =>
    api.patch<OrgView>(`/orgs/${encodeURIComponent(id)}/verification`, note ? { verified, note } : { verified }),
};

export const adminApi = {
  audit: (q: AuditSearch = {}) => api.get<Page<AuditView>>('/admin/audit', { ...q }),
};

export const healthApi = {
  get: () => api.get<HealthView>('/health'),
};
