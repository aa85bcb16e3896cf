/** Who may write an institution's instruments: approved members of a verified university or institute. */
import { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import type { ListingActor } from '../listings/listing.policy';
import type { InstrumentRecord } from './instrument.model';

const OWNER_TYPES = ['university', 'institute'];

/** The caller's organisation when he may list instruments for it; 403 otherwise. */
export function instrumentOwnerOrg(actor: ListingActor): Types.ObjectId {
  if (actor.role === 'admin' || !actor.orgId || !actor.orgRole || !OWNER_TYPES.includes(actor.org?.type ?? '')) {
    throw createError('FORBIDDEN', {
      message: '只有高校、科研院所的成员可以发布共享仪器',
      messageEn: 'Only members of a university or research institute can list instruments',
    });
  }
  if (!actor.orgVerified) {
    throw createError('FORBIDDEN', {
      message: '机构通过认证后才能发布共享仪器',
      messageEn: 'Your organisation must be verified before it lists instruments',
    });
  }
  return new Types.ObjectId(actor.orgId);
}

/** True when the caller is an approved member of the instrument's institution. */
export const isOwnInstrument = (actor: ListingActor | null, r: Pick<InstrumentRecord, 'org'>): boolean =>
  Boolean(actor && actor.role !== 'admin' && actor.orgRole && actor.orgId === String(r.org));
