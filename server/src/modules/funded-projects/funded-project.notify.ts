import type { Types } from 'mongoose';
import { approvedMembersQuery } from '../orgs/membership.rules';
import { notify, type NotificationInput } from '../notifications/notification.service';
import { UserModel } from '../users/user.model';

/** Tells every approved member of `org` (the notification key dedups per person). */
export async function notifyOrgMembers(org: Types.ObjectId | string, input: NotificationInput): Promise<number> {
  const q = approvedMembersQuery(org);
  const members = await UserModel.find(q.filter, { _id: 1 }).sort(q.sort ?? {}).lean();
  for (const m of members) {
    await notify(m._id, input);
  }
  return members.length;
}
