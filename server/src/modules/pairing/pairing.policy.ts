/**
 * Who does what with pairings: administrators run, review and confirm (the routes admit only them;
 * `assertMayRun` says so for services called elsewhere); a confirmed pairing is answered by its
 * commissioner, and for the enterprise by the request's owner or an enterprise manager.
 */
import type { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import { membershipRole } from '../orgs/membership.rules';
import type { UserDoc } from '../users/user.model';
import type { PairingRecord } from './pairing.model';

export type PairingSide = 'commissioner' | 'enterprise';

export function assertMayRun(user: UserDoc): void {
  if (user.role !== 'admin') {
    throw createError('FORBIDDEN', { message: '只有管理员可以运行和确认配对', messageEn: 'Only administrators may run and confirm pairings' });
  }
}

/** The sides `user` stands for in the pairing (either, both in principle, or none). */
export function sidesOf(user: UserDoc, p: Pick<PairingRecord, 'commissionerUser' | 'owner' | 'org'>, orgCreatedBy: Types.ObjectId | null): PairingSide[] {
  const sides: PairingSide[] = [];
  if (p.commissionerUser.equals(user._id)) {
    sides.push('commissioner');
  }
  const member = user.org?.equals(p.org) ? membershipRole(user, orgCreatedBy) : null;
  if (p.owner.equals(user._id) ? member !== null : member === 'manager') {
    sides.push('enterprise');
  }
  return sides;
}

/** The side the user may still answer for: the pairing is confirmed and that side has not answered. */
export function answerSide(user: UserDoc, p: PairingRecord | null, orgCreatedBy: Types.ObjectId | null): PairingSide | null {
  if (!p || p.status !== 'confirmed') {
    return null;
  }
  const open = sidesOf(user, p, orgCreatedBy).filter((s) => (s === 'commissioner' ? p.commissionerAnswer : p.enterpriseAnswer) === null);
  return open[0] ?? null;
}

/** A pairing is shown only to its sides (and not while it is a mere proposal): 404 for everyone else. */
export function assertPairingParty(user: UserDoc, p: PairingRecord | null, orgCreatedBy: Types.ObjectId | null): asserts p is PairingRecord {
  if (!p || p.status === 'proposed') {
    throw createError('NOT_FOUND');
  }
  const member = user.org?.equals(p.org) && membershipRole(user, orgCreatedBy) !== null;
  if (sidesOf(user, p, orgCreatedBy).length === 0 && !member) {
    throw createError('NOT_FOUND');
  }
  if (sidesOf(user, p, orgCreatedBy).length === 0) {
    throw createError('FORBIDDEN', { message: '只有特派员本人、需求提出人或企业管理员可以答复', messageEn: "Only the commissioner, the request's owner or an enterprise manager may answer" });
  }
}
