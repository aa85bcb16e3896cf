/**
 * Who sees a funded project: approved members of the lead organisation (who also report and link)
 * and of its partners (read only); administrators (reads audited). To anyone else it does not exist.
 */
import { createError } from '../../lib/errors';
import { isApprovedMember } from '../orgs/membership.rules';
import type { UserDoc } from '../users/user.model';
import type { FundedProjectRecord } from './funded-project.model';

export type ProjectStanding = 'lead' | 'partner' | 'admin' | null;

export function projectStanding(user: UserDoc, p: Pick<FundedProjectRecord, 'org' | 'partners'>): ProjectStanding {
  if (user.role === 'admin') {
    return 'admin';
  }
  if (isApprovedMember(user, p.org)) {
    return 'lead';
  }
  return p.partners.some((o) => isApprovedMember(user, o)) ? 'partner' : null;
}

/** 404 to strangers, 403 to partners and administrators (only the lead reports and links). */
export function assertLead(user: UserDoc, p: FundedProjectRecord): void {
  const s = projectStanding(user, p);
  if (!s) {
    throw createError('NOT_FOUND');
  }
  if (s !== 'lead') {
    throw createError('FORBIDDEN', { message: '仅项目承担单位的成员可以报告', messageEn: "Only the lead organisation's members may report" });
  }
}
