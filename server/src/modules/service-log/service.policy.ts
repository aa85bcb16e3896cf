/**
 * Who does what with a pairing's service: its commissioner drafts the agreement and logs work; the
 * enterprise side (the request's owner or an enterprise manager) confirms the agreement, confirms or
 * disputes entries and rates; both sides and administrators read. Outsiders get 404, the wrong side 403.
 */
import { createError } from '../../lib/errors';
import { OrgModel } from '../orgs/org.model';
import { PairingModel, type PairingRecord } from '../pairing/pairing.model';
import { sidesOf, type PairingSide } from '../pairing/pairing.policy';
import type { UserDoc } from '../users/user.model';

const WRONG_SIDE: Record<PairingSide, { message: string; messageEn: string }> = {
  commissioner: { message: '只有配对的科技特派员可以执行此操作', messageEn: "Only the pairing's commissioner may do this" },
  enterprise: { message: '只有需求提出人或企业管理员可以执行此操作', messageEn: "Only the request's owner or an enterprise manager may do this" },
};

/** The pairing, if `user` may see its service (a side, a member of the enterprise, or an administrator). */
export async function loadServicePairing(user: UserDoc, id: string): Promise<{ pairing: PairingRecord; sides: PairingSide[] }> {
  const pairing = await PairingModel.findById(id).lean<PairingRecord>();
  if (!pairing || pairing.status !== 'accepted') {
    throw createError('NOT_FOUND');
  }
  const org = await OrgModel.findById(pairing.org, { createdBy: 1 }).lean();
  const sides = sidesOf(user, pairing, org?.createdBy ?? null);
  const member = Boolean(user.org?.equals(pairing.org));
  if (sides.length === 0 && !member && user.role !== 'admin') {
    throw createError('NOT_FOUND');
  }
  return { pairing, sides };
}

/** Refuses (403) anyone who does not stand for `side` in the pairing. */
export function assertSide(sides: readonly PairingSide[], side: PairingSide): void {
  if (!sides.includes(side)) {
    throw createError('FORBIDDEN', WRONG_SIDE[side]);
  }
}
