import type { AdminUserView, EmailVerifyInput, MeView, PasswordResetConfirmInput, PasswordResetRequestInput } from '@kezhuan/shared';
import { api } from '../../api/client';
import type { Page } from '../../api/endpoints';

/** Password reset by a code sent to the account's email or phone. */
export const passwordResetApi = {
  request: (input: PasswordResetRequestInput) => api.post<{ sent: true; expiresInMinutes: number }>('/auth/password-reset', input),
  confirm: (input: PasswordResetConfirmInput) => api.post<{ ok: true }>('/auth/password-reset/confirm', input),
};

/** Proving the signed-in account's email with a code. */
export const emailVerifyApi = {
  send: () => api.post<{ sent: true; expiresInMinutes: number }>('/me/email/verification', {}),
  verify: (input: EmailVerifyInput) => api.post<MeView>('/me/email/verify', input),
};

/** Administrators' account management. */
export const adminUsersApi = {
  list: (q: { q?: string; page?: number; pageSize?: number }) => api.get<Page<AdminUserView>>('/admin/users', { ...q }),
  unlock: (id: string) => api.post<AdminUserView>(`/admin/users/${encodeURIComponent(id)}/unlock`),
  setDisabled: (id: string, disabled: boolean) => api.patch<AdminUserView>(`/admin/users/${encodeURIComponent(id)}/disabled`, { disabled }),
};
