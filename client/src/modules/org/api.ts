import type { AdminOrgView, EvidenceView, MemberView, MeView, OrgRole, OrgVerificationView } from '@kezhuan/shared';
import { api, buildUrl } from '../../api/client';

const id = (v: string) => encodeURIComponent(v);

/** Memberships and the verification application of an organisation. */
export const orgMembershipApi = {
  join: (orgId: string) => api.post<MeView>('/orgs/join', { orgId }),
  withdraw: (orgId: string) => api.post<MeView>('/orgs/join/withdraw', { orgId }),
  leave: (orgId: string) => api.post<MeView>('/orgs/leave', { orgId }),
  members: (orgId: string) => api.get<MemberView[]>(`/orgs/${id(orgId)}/members`),
  decide: (orgId: string, userId: string, approve: boolean, note?: string) =>
    api.post<{ ok: true }>(`/orgs/${id(orgId)}/members/${id(userId)}/decision`, note ? { approve, note } : { approve }),
  setRole: (orgId: string, userId: string, orgRole: OrgRole) => api.patch<{ ok: true }>(`/orgs/${id(orgId)}/members/${id(userId)}`, { orgRole }),
  transfer: (orgId: string, from: string, to: string) => api.post<{ results: number; needs: number }>(`/orgs/${id(orgId)}/transfer`, { from, to }),
  verification: (orgId: string) => api.get<OrgVerificationView>(`/orgs/${id(orgId)}/verification`),
  uploadEvidence: (orgId: string, file: File) => api.upload<EvidenceView>(`/orgs/${id(orgId)}/evidence`, file, { name: file.name }),
  removeEvidence: (orgId: string, key: string) => api.delete<undefined>(`/orgs/${id(orgId)}/evidence/${id(key)}`),
  requestVerification: (orgId: string) => api.post<OrgVerificationView>(`/orgs/${id(orgId)}/verification-request`),
  setEmailDomains: (orgId: string, emailDomains: string[]) => api.put<OrgVerificationView>(`/orgs/${id(orgId)}/settings`, { emailDomains }),
  adminView: (orgId: string) => api.get<AdminOrgView>(`/admin/orgs/${id(orgId)}`),
  /** A plain link: the administrator's browser downloads it with the session cookie (audited). */
  evidenceUrl: (orgId: string, key: string) => buildUrl(`/admin/orgs/${id(orgId)}/evidence/${id(key)}`),
};
