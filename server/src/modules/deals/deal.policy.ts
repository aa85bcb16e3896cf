/**
 * Who is in a deal room: the approved members of its participating organisations (a pending request
 * to join gives nothing), each for the party of their organisation; administrators read as no party,
 * and every read of theirs is audited. Anyone else gets 404, so a room's existence is not revealed.
 */
import type { DealParty } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import { isApprovedMember } from '../orgs/membership.rules';
import { DealRoomModel, type DealRoomRecord } from './deal.model';

export interface DealUser {
  _id: Types.ObjectId;
  role: string;
  org?: Types.ObjectId | null;
  orgStatus?: string | null;
}

/** The organisation of each party present in the room. */
export function partyOrgs(room: Pick<DealRoomRecord, 'supplyOrg' | 'demandOrg' | 'intermediaryOrg'>): [DealParty, Types.ObjectId][] {
  const out: [DealParty, Types.ObjectId][] = [['supply', room.supplyOrg], ['demand', room.demandOrg]];
  if (room.intermediaryOrg) {
    out.push(['intermediary', room.intermediaryOrg]);
  }
  return out;
}

/** The party `user` stands for in the room, or null (administrators belong to no organisation's side). */
export function partyOf(user: DealUser, room: Pick<DealRoomRecord, 'supplyOrg' | 'demandOrg' | 'intermediaryOrg'>): DealParty | null {
  if (user.role === 'admin') {
    return null;
  }
  return partyOrgs(room).find(([, org]) => isApprovedMember(user, org))?.[0] ?? null;
}

/**
 * The room if `user` may enter it. `write`: posting, marking read and changing the stage are for
 * participants only; an administrator gets 403 there and an audited read elsewhere.
 */
export async function loadDealRoom(user: DealUser, id: string, opts: { write: boolean; ip: string }): Promise<{ room: DealRoomRecord; party: DealParty | null }> {
  return admitToRoom(user, await findDealRoom(id), opts);
}

/** The room as stored, or null: for callers that read it alongside other things, then `admitToRoom`. */
export function findDealRoom(id: string): Promise<DealRoomRecord | null> {
  return DealRoomModel.findById(id).lean<DealRoomRecord>().exec();
}

/** `loadDealRoom`'s rule applied to a room already read (null: no such room → 404). */
export async function admitToRoom(user: DealUser, room: DealRoomRecord | null, opts: { write: boolean; ip: string }): Promise<{ room: DealRoomRecord; party: DealParty | null }> {
  if (!room) {
    throw createError('NOT_FOUND');
  }
  const party = partyOf(user, room);
  if (party) {
    return { room, party };
  }
  if (user.role !== 'admin') {
    throw createError('NOT_FOUND');
  }
  if (opts.write) {
    throw createError('FORBIDDEN', { message: '管理员只能查看洽谈室，不能代表任何一方操作', messageEn: 'Administrators can read a deal room but act for no party' });
  }
  await audit({ action: 'deal.admin_view', actor: user._id, target: { kind: 'deal', id: String(room._id) }, ip: opts.ip });
  return { room, party: null };
}
