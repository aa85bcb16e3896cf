/**
 * Telling the other parties of a room: the people of a party who acted in the room (its contacts,
 * while still approved members); a party nobody has acted for yet is told through its managers (or,
 * without managers, its first 20 approved members).
 */
import type { DealParty } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { notify } from '../notifications/notification.service';
import { approvedMemberFilter, isApprovedMember } from '../orgs/membership.rules';
import { OrgModel } from '../orgs/org.model';
import { UserModel } from '../users/user.model';
import type { DealRoomRecord } from './deal.model';
import { partyOrgs } from './deal.policy';

async function peopleOf(org: Types.ObjectId, contacts: readonly Types.ObjectId[]): Promise<Types.ObjectId[]> {
  const known = contacts.length ? await UserModel.find({ _id: { $in: contacts } }, { org: 1, orgStatus: 1 }).lean() : [];
  const mine = known.filter((u) => isApprovedMember(u, org)).map((u) => u._id);
  if (mine.length) {
    return mine;
  }
  const orgDoc = await OrgModel.findById(org, { createdBy: 1 }).lean();
  const managers = await UserModel.find({ ...approvedMemberFilter(org), role: { $ne: 'admin' }, $or: [{ orgRole: 'manager' }, { _id: orgDoc?.createdBy ?? null }] }, { _id: 1 }).lean();
  if (managers.length) {
    return managers.map((u) => u._id);
  }
  return (await UserModel.find({ ...approvedMemberFilter(org), role: { $ne: 'admin' } }, { _id: 1 }).sort({ _id: 1 }).limit(20).lean()).map((u) => u._id);
}

/** Notifies every party but `except` (the actor's) of an event in the room; `key` makes it once per event. */
export async function tellDealParties(
  room: DealRoomRecord,
  except: DealParty | null,
  kind: 'deal.opened' | 'deal.stage' | 'deal.files',
  key: string,
  text: { title: string; titleEn: string; body?: string; bodyEn?: string },
): Promise<void> {
  for (const [party, org] of partyOrgs(room)) {
    if (party === except) {
      continue;
    }
    for (const user of await peopleOf(org, room.contacts)) {
      await notify(user, { kind, key: `${kind}:${String(room._id)}:${key}`, link: `/deals/${String(room._id)}`, ...text });
    }
  }
}
