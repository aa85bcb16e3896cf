/**
 * Who reads and edits applications: approved members of the lead organisation read and edit them
 * (edits while draft or returned); approved members of a partner organisation read them; the
 * administrator reads every filed one (audited). To anyone else an application does not exist (404).
 */
import { createError } from '../../lib/errors';
import { isApprovedMember } from '../orgs/membership.rules';
import type { UserDoc } from '../users/user.model';
import type { ApplicationRecord } from './application.model';

export type ApplicationStanding = 'lead' | 'partner' | 'admin' | null;

export function standing(user: UserDoc, app: Pick<ApplicationRecord, 'org' | 'partners' | 'status'>): ApplicationStanding {
  if (user.role === 'admin') {
    return app.status === 'draft' ? null : 'admin';
  }
  if (isApprovedMember(user, app.org)) {
    return 'lead';
  }
  return app.partners.some((p) => isApprovedMember(user, p)) ? 'partner' : null;
}

export const isEditable = (app: Pick<ApplicationRecord, 'status'>) => app.status === 'draft' || app.status === 'returned';

/** Throws 404 to strangers and 403 to readers who may not edit. */
export function assertCanEdit(user: UserDoc, app: ApplicationRecord): void {
  const s = standing(user, app);
  if (!s) {
    throw createError('NOT_FOUND');
  }
  if (s !== 'lead') {
    throw createError('FORBIDDEN', { message: '仅申报单位的成员可以修改申报书', messageEn: "Only the lead organisation's members may edit the application" });
  }
  if (!isEditable(app)) {
    throw createError('INVALID_STATE', { message: '申报书已提交，不能修改', messageEn: 'The application has been filed and cannot be edited' });
  }
}
