import type { MeView } from '@kezhuan/shared';
import { managersOf } from '../orgs/membership.service';
import { OrgModel } from '../orgs/org.model';
import { presentOrg } from '../orgs/org.presenter';
import { UserModel, type UserDoc } from './user.model';

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
    membership: org ? await presentMembership(u, org) : null,
    emailVerified: Boolean(u.emailVerifiedAt),
    createdAt: u.createdAt.toISOString(),
  };
}

type OrgOfMember = Parameters<typeof managersOf>[0];

/** The account's membership; a pending request also says when it was sent and who decides it. */
async function presentMembership(u: UserDoc, org: OrgOfMember): Promise<NonNullable<MeView['membership']>> {
  const orgRole = u.orgRole === 'manager' || org.createdBy?.equals(u._id) ? 'manager' : 'member';
  if (u.orgStatus !== 'pending') {
    return { orgRole, status: 'active' };
  }
  const managers = await UserModel.find({ _id: { $in: await managersOf(org) } }, { displayName: 1 }).sort({ _id: 1 }).limit(5).lean();
  return {
    orgRole,
    status: 'pending',
    requestedAt: u.orgRequestedAt?.toISOString() ?? null,
    decidedBy: managers.length > 0 ? { kind: 'managers', names: managers.map((m) => m.displayName) } : { kind: 'admins', names: [] },
  };
}
