/**
 * Who hears about what happens to a listing. Usually its owner; but a listing imported by an
 * administrator is "owned" by that administrator, and its organisation's people are the ones who
 * must learn that it was approved or sent back.
 */
import type { Types } from 'mongoose';
import { notify, type NotificationInput } from '../notifications/notification.service';
import { approvedMembersQuery } from '../orgs/membership.rules';
import { UserModel } from '../users/user.model';

/** At most this many members of one organisation are told (a notice, not a mailing list). */
const MAX_MEMBERS = 200;

/**
 * The approved people of an organisation (administrators never belong to one; an account whose
 * request to join is pending hears nothing of the organisation's listings).
 */
export async function orgMembers(org: Types.ObjectId | string): Promise<Types.ObjectId[]> {
  const { filter, sort } = approvedMembersQuery(org);
  const users = await UserModel.find(filter, { _id: 1 }).sort(sort).limit(MAX_MEMBERS).lean();
  return users.map((u) => u._id);
}

/** The owner, or the organisation's members when an administrator (an import) owns the listing. */
export async function listingAudience(listing: { owner: Types.ObjectId; org: Types.ObjectId }): Promise<Types.ObjectId[]> {
  const owner = await UserModel.findById(listing.owner, { role: 1 }).lean();
  if (owner && owner.role !== 'admin') {
    return [owner._id];
  }
  return orgMembers(listing.org);
}

/** Notifies each of `users` (the same deduplication key for each, so a repeat stores nothing). */
export async function notifyAll(users: readonly Types.ObjectId[], input: NotificationInput): Promise<void> {
  for (const user of users) {
    await notify(user, input);
  }
}
