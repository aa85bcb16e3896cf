/**
 * A deal room from a commissioner pairing (双千): once a pairing is accepted, either side may take
 * the enterprise's problem to a deal about the technology need the service request was made from.
 * The commissioner's organisation (his current one, else the one that endorsed him) is the
 * provider, the enterprise the demand side. Requests not made from a published need have no listing to deal on (409).
 */
import { createError } from '../../lib/errors';
import { effectiveStatus } from '../listings/lifecycle';
import { CommissionerModel } from '../commissioners/commissioner.model';
import { TechNeedModel } from '../needs/need.model';
import { isApprovedMember } from '../orgs/membership.rules';
import { loadServicePairing } from '../service-log/service.policy';
import { ServiceRequestModel } from '../service-requests/service-request.model';
import { UserModel, type UserDoc } from '../users/user.model';
import type { DealRoomRecord } from './deal.model';
import { openDealRoom } from './deal.open';

export async function openDealFromPairing(user: UserDoc, pairingId: string, ip: string): Promise<{ room: DealRoomRecord; created: boolean }> {
  const { pairing, sides } = await loadServicePairing(user, pairingId);
  if (sides.length === 0) {
    throw createError('FORBIDDEN', { message: '只有配对的科技特派员或企业一方可以发起洽谈', messageEn: 'Only the pairing’s commissioner or the enterprise side can open a deal room' });
  }
  const [request, commissioner, person] = await Promise.all([
    ServiceRequestModel.findById(pairing.request, { need: 1 }).lean(),
    CommissionerModel.findById(pairing.commissioner, { org: 1 }).lean(),
    UserModel.findById(pairing.commissionerUser, { org: 1, orgStatus: 1 }).lean(),
  ]);
  const need = request?.need ? await TechNeedModel.findById(request.need).lean() : null;
  if (!need || effectiveStatus(need, new Date()) !== 'published' || !commissioner) {
    throw createError('INVALID_STATE', { message: '该服务需求没有关联已发布的技术需求，无法发起洽谈', messageEn: 'The service request is not linked to a published technology need; no deal room can be opened' });
  }
  const side = sides.includes('commissioner') ? 'supply' : 'demand';
  const opened = await openDealRoom({
    origin: 'pairing',
    listing: { kind: 'need', id: need._id, title: need.title },
    supplyOrg: person?.org && isApprovedMember(person, person.org) ? person.org : commissioner.org,
    pairing: pairing._id,
    demandOrg: pairing.org,
    opener: { user: user._id, party: side },
    ip,
  });
  if (!opened) {
    throw createError('INVALID_STATE', { message: '特派员与企业属于同一机构，无需洽谈室', messageEn: 'The commissioner and the enterprise belong to one organisation' });
  }
  return opened;
}
