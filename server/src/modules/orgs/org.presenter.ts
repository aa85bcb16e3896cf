import type { OrgView } from '@kezhuan/shared';
import type { Org } from './org.model';
import type { Types } from 'mongoose';

type OrgLike = Org & { _id: Types.ObjectId; createdAt: Date };

/** The organisation fields that leave the server. */
export function presentOrg(o: OrgLike): OrgView {
  return {
    id: String(o._id),
    name: o.name,
    type: o.type,
    uscc: o.uscc,
    city: o.city as OrgView['city'],
    verified: o.verified,
    verificationState: o.verified ? 'verified' : o.verificationState === 'verified' ? 'none' : (o.verificationState ?? 'none'),
    createdAt: o.createdAt.toISOString(),
  };
}
