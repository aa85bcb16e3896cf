import type { BookingView } from '@kezhuan/shared';
import { OrgModel } from '../orgs/org.model';
import { UserModel, type UserDoc } from '../users/user.model';
import type { BookingRecord } from './booking.model';
import { bookingAbilities, isStalePending } from './booking.policy';
import { HOUR_MS } from './booking.time';

/** Bookings as both parties see them: names of the instrument, institutions and requester; no contacts. */
export async function presentBookings(user: UserDoc, docs: BookingRecord[], now = new Date()): Promise<BookingView[]> {
  const orgIds = [...new Set(docs.flatMap((d) => [String(d.ownerOrg), String(d.requesterOrg)]))];
  const userIds = [...new Set(docs.map((d) => String(d.requester)))];
  const [orgs, users] = await Promise.all([
    OrgModel.find({ _id: { $in: orgIds } }, { name: 1 }).lean(),
    UserModel.find({ _id: { $in: userIds } }, { displayName: 1 }).lean(),
  ]);
  const orgName = new Map(orgs.map((o) => [String(o._id), o.name]));
  const userName = new Map(users.map((u) => [String(u._id), u.displayName]));
  return docs.map((doc) => isStalePending(doc, now) ? { ...doc, status: 'expired' as const, expiresAt: null } : doc).map((d) => ({
    id: String(d._id),
    instrument: { id: String(d.instrument), name: d.instrumentName },
    ownerOrg: { id: String(d.ownerOrg), name: orgName.get(String(d.ownerOrg)) ?? '' },
    requester: {
      id: String(d.requester),
      name: userName.get(String(d.requester)) ?? '',
      org: { id: String(d.requesterOrg), name: orgName.get(String(d.requesterOrg)) ?? '' },
    },
    start: d.start.toISOString(),
    end: d.end.toISOString(),
    hours: (d.end.getTime() - d.start.getTime()) / HOUR_MS,
    status: d.status,
    purpose: d.purpose,
    sampleDescription: d.sampleDescription,
    sampleCount: d.sampleCount,
    price: { unit: d.price.unit, amount: d.price.amount, estimate: d.price.estimate },
    expiresAt: d.status === 'pending' && d.expiresAt ? d.expiresAt.toISOString() : null,
    reason: d.reason,
    lateCancel: d.lateCancel,
    cancelledBy: d.cancelledBy,
    usage: d.usage ? { hours: d.usage.hours, samples: d.usage.samples, note: d.usage.note, at: d.usage.at.toISOString() } : null,
    rating: d.rating ? { score: d.rating.score, comment: d.rating.comment, at: d.rating.at.toISOString() } : null,
    createdAt: d.createdAt.toISOString(),
    can: bookingAbilities(user, d, now),
  }));
}
