/** Small steps shared by invitations and orders: open-room and party checks, bringing an intermediary in, telling people. */
import { DEAL_CLOSED_STAGES, type DealParty } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import { DealRoomModel, type DealRoomRecord } from '../deals/deal.model';
import { notify } from '../notifications/notification.service';
import { approvedMemberFilter } from '../orgs/membership.rules';
import { OrgModel } from '../orgs/org.model';
import { UserModel } from '../users/user.model';

export function assertOpen(room: DealRoomRecord): void {
  if (DEAL_CLOSED_STAGES.includes(room.stage)) {
    throw createError('INVALID_STATE', { message: '洽谈已结束', messageEn: 'The deal is closed' });
  }
}

/** The technology provider or the enterprise: the parties who invite intermediaries and order services. */
export function assertPrincipal(party: DealParty | null): 'supply' | 'demand' {
  if (party !== 'supply' && party !== 'demand') {
    throw createError('FORBIDDEN', { message: '只有洽谈的供需双方可以邀请中介或订购服务', messageEn: 'Only the provider and the enterprise of the deal can invite intermediaries or order services' });
  }
  return party;
}

/** A verified intermediary organisation, or a 400 on `path`. */
export async function intermediaryOrgOr400(id: Types.ObjectId | string, path: string): Promise<Types.ObjectId> {
  const org = await OrgModel.findById(id, { type: 1, verified: 1 }).lean();
  if (!org || org.type !== 'intermediary' || !org.verified) {
    throw createError('VALIDATION_FAILED', {
      fields: [{ path, code: 'intermediary', message: '请选择一家已认证的中介机构', messageEn: 'Choose a verified intermediary organisation' }],
    });
  }
  return org._id;
}

export const roomHasOther = (room: DealRoomRecord, org: Types.ObjectId) => Boolean(room.intermediaryOrg && !room.intermediaryOrg.equals(org));

export function conflictOtherIntermediary(): Error {
  return createError('CONFLICT', { message: '洽谈室中已有另一家中介机构', messageEn: 'Another intermediary is already in this deal room' });
}

/**
 * Makes `org` the room's intermediary (only while it has none) and records it in the room's
 * history with who accepted and when; false when another got there first.
 */
export async function bringIn(room: DealRoomRecord, org: Types.ObjectId, by: Types.ObjectId, note: string | null, at: Date): Promise<boolean> {
  if (room.intermediaryOrg?.equals(org)) {
    return true;
  }
  const entry = { kind: 'invite', from: room.stage, to: room.stage, party: 'intermediary', by, at, reason: null, note };
  const updated = await DealRoomModel.findOneAndUpdate(
    { _id: room._id, intermediaryOrg: null },
    { $set: { intermediaryOrg: org }, $addToSet: { orgs: org, contacts: by }, $push: { history: entry } },
    { returnDocument: 'after' },
  ).lean<DealRoomRecord>();
  return Boolean(updated);
}

/** The people to tell of an organisation: its managers (or creator), else its first 20 approved members. */
async function peopleOf(org: Types.ObjectId): Promise<Types.ObjectId[]> {
  const orgDoc = await OrgModel.findById(org, { createdBy: 1 }).lean();
  const managers = await UserModel.find({ ...approvedMemberFilter(org), role: { $ne: 'admin' }, $or: [{ orgRole: 'manager' }, { _id: orgDoc?.createdBy ?? null }] }, { _id: 1 }).lean();
  if (managers.length) {
    return managers.map((u) => u._id);
  }
  return (await UserModel.find({ ...approvedMemberFilter(org), role: { $ne: 'admin' } }, { _id: 1 }).sort({ _id: 1 }).limit(20).lean()).map((u) => u._id);
}

/** Notifies the people of each organisation (once per `key`). */
export async function tellOrgs(
  orgs: readonly Types.ObjectId[], key: string, link: string, text: { title: string; titleEn: string; body?: string; bodyEn?: string },
): Promise<void> {
  for (const org of orgs) {
    for (const user of await peopleOf(org)) {
      await notify(user, { kind: 'deal.intermediary', key: `deal.intermediary:${key}`, link, ...text });
    }
  }
}

/** The organisations of the room's parties other than `except`. */
export function otherOrgs(room: DealRoomRecord, except: DealParty | null): Types.ObjectId[] {
  const all: [DealParty, Types.ObjectId | null][] = [['supply', room.supplyOrg], ['demand', room.demandOrg], ['intermediary', room.intermediaryOrg]];
  return all.filter(([p, o]) => p !== except && o).map(([, o]) => o as Types.ObjectId);
}
