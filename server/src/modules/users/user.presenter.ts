import type { MeView } from '@kezhuan/shared';
import { OrgModel } from '../orgs/org.model';
import { presentOrg } from '../orgs/org.presenter';
import type { UserDoc } from './user.model';

/** The signed-in user's own view of their account: never the password hash or internal fields. */
export async function presentMe(u: UserDoc): Promise<MeView> {
  const org = u.org ? await OrgModel.findById(u.org).lean() : null;
  return {
    id: String(u._id),
    email: u.email,
    phone: u.phone,
    displayName: u.displayName,
    title: u.title,
    bio: u.bio,
    locale: u.locale,
    role: u.role,
    org: org ? presentOrg(org) : null,
    membership: org ? { orgRole: u.orgRole === 'manager' || org.createdBy?.equals(u._id) ? 'manager' : 'member', status: u.orgStatus === 'pending' ? 'pending' : 'active' } : null,
    emailVerified: Boolean(u.emailVerifiedAt),
    createdAt: u.createdAt.toISOString(),
  };
}
