import type { Request } from 'express';
import type { OrgType } from '@kezhuan/shared';
import { createError } from '../../lib/errors';
import { OrgModel } from '../orgs/org.model';
import type { ListingActor } from './listing.policy';
import { membershipRole } from '../orgs/membership.rules';

/** The caller of a listing route for the policy, with their organisation's verification; null when anonymous. */
export async function listingActor(req: Request): Promise<ListingActor | null> {
  const user = req.user;
  if (!user) {
    return null;
  }
  const org = user.org ? await OrgModel.findById(user.org, { verified: 1, createdBy: 1, name: 1, type: 1 }).lean() : null;
  const orgRole = org ? membershipRole(user, org.createdBy) : null;
  return {
    id: user._id,
    name: user.displayName,
    role: user.role,
    orgId: org ? String(org._id) : null,
    orgVerified: Boolean(org?.verified && orgRole),
    orgRole,
    ...(org ? { org: { id: String(org._id), name: org.name, type: org.type as OrgType, verified: org.verified } } : {}),
  };
}

/** The caller of a route whose access already required a signed-in user. */
export async function requireListingActor(req: Request): Promise<ListingActor> {
  const actor = await listingActor(req);
  if (!actor) {
    throw createError('UNAUTHENTICATED');
  }
  return actor;
}
